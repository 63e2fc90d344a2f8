package io.flowdoctor.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.flowdoctor.history.AuditStatistics.Occurrence;

/**
 * Failures per hour, stacked by category, as the coordinates of an SVG bar chart drawn on the server: no script
 * and no inline style, so the Content-Security-Policy stays strict. Colours come from the stylesheet by category.
 */
record BarChart(int width, int height, int baseline, long max, long total, List<Bar> bars, List<Tick> ticks,
        List<String> categories) {

    /** One category's part of one hour's bar. */
    record Bar(String category, double x, double y, double width, double height, String label) {
    }

    /** A label under the bars. */
    record Tick(double x, String label) {
    }

    private static final int HEIGHT = 200;
    private static final int AXIS = 18;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneOffset.UTC);

    /** Hourly bars from the hour {@code hours} before now up to the current hour. */
    static BarChart hourly(List<Occurrence> failures, Instant now, int hours) {
        Instant start = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hours - 1L));
        List<Map<String, Long>> perHour = new ArrayList<>();
        for (int i = 0; i < hours; i++) {
            perHour.add(new LinkedHashMap<>());
        }
        TreeSet<String> categories = new TreeSet<>();
        for (Occurrence failure : failures) {
            long index = Duration.between(start, failure.failedAt()).toHours();
            if (failure.failedAt().isBefore(start) || index >= hours) {
                continue;
            }
            String category = failure.category() == null ? "UNKNOWN" : failure.category();
            categories.add(category);
            perHour.get((int) index).merge(category, 1L, Long::sum);
        }
        long max = Math.max(1, perHour.stream().mapToLong(hour -> hour.values().stream().mapToLong(Long::longValue).sum())
                .max().orElse(0));
        double slot = hours <= 24 ? 40 : 6;
        int width = (int) (slot * hours);
        int baseline = HEIGHT - AXIS;
        List<Bar> bars = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < hours; i++) {
            Instant hour = start.plus(Duration.ofHours(i));
            double y = baseline;
            for (String category : categories) {
                long count = perHour.get(i).getOrDefault(category, 0L);
                if (count == 0) {
                    continue;
                }
                total += count;
                double height = (baseline - 16) * (double) count / max;
                y -= height;
                bars.add(new Bar(category, round(i * slot + 1), round(y), round(slot - 2), round(height),
                        HOUR.format(hour) + " UTC " + category + ": " + count));
            }
            boolean labelled = hours <= 24 ? i % 3 == 0 : hour.atZone(ZoneOffset.UTC).getHour() == 0;
            if (labelled) {
                ticks.add(new Tick(round(i * slot + 1), hours <= 24 ? HOUR.format(hour) : DAY.format(hour)));
            }
        }
        return new BarChart(width, HEIGHT, baseline, max, total, bars, ticks, List.copyOf(categories));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
