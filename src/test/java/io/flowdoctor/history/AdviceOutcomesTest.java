package io.flowdoctor.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class AdviceOutcomesTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleOneAndOfAnEvenCountTheMeanOfTheTwoMiddleOnes() {
        assertEquals(Duration.ofSeconds(60), AdviceOutcomes.median(List.of(10L, 60L, 4000L)));
        assertEquals(Duration.ofMillis(35_500),
                AdviceOutcomes.median(List.of(10L, 60L, 11L, 4000L).stream().sorted().toList()));
        assertNull(AdviceOutcomes.median(List.of()));
    }
}
