package io.flowdoctor.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.flowdoctor.history.AuditStatistics.Occurrence;

class BarChartTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:20:00Z");

    @Test
    void failuresAreStackedByCategoryInTheirHour() {
        BarChart chart = BarChart.hourly(List.of(
                new Occurrence(Instant.parse("2026-11-27T10:05:00Z"), "DATA"),
                new Occurrence(Instant.parse("2026-11-27T10:15:00Z"), "DATA"),
                new Occurrence(Instant.parse("2026-11-27T10:16:00Z"), "TRANSIENT"),
                new Occurrence(Instant.parse("2026-11-27T08:59:00Z"), "AUTHENTICATION")), NOW, 24);
        assertEquals(4, chart.total());
        assertEquals(3, chart.max(), "the highest hour holds three");
        assertEquals(List.of("AUTHENTICATION", "DATA", "TRANSIENT"), chart.categories());
        assertEquals(3, chart.bars().size());
        BarChart.Bar data = chart.bars().stream().filter(bar -> bar.category().equals("DATA")).findFirst().orElseThrow();
        BarChart.Bar transientBar = chart.bars().stream().filter(bar -> bar.category().equals("TRANSIENT")).findFirst()
                .orElseThrow();
        assertEquals(data.x(), transientBar.x(), "one hour, one column");
        assertEquals(2 * transientBar.height(), data.height(), 0.2);
        assertEquals(data.y(), transientBar.y() + transientBar.height(), 0.2, "stacked on each other");
        assertTrue(data.label().startsWith("10:00 UTC DATA: 2"), data.label());
    }

    @Test
    void failuresOutsideThePeriodAreLeftOut() {
        BarChart chart = BarChart.hourly(List.of(new Occurrence(NOW.minus(Duration.ofHours(30)), "DATA"),
                new Occurrence(NOW.plus(Duration.ofHours(2)), "DATA")), NOW, 24);
        assertEquals(0, chart.total());
        assertTrue(chart.bars().isEmpty());
        assertEquals(8, chart.ticks().size(), "a label every three hours");
    }

    @Test
    void aWeekIsLabelledByDay() {
        BarChart chart = BarChart.hourly(List.of(), NOW, 24 * 7);
        assertEquals(7, chart.ticks().size());
        assertTrue(chart.ticks().get(0).label().matches("\\d\\d-\\d\\d"), chart.ticks().get(0).label());
    }
}
