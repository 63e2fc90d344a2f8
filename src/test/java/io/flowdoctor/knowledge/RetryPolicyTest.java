package io.flowdoctor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private final RetryPolicy logicAppsDefault = new RetryPolicy(4, 7.5, 5, 45);

    @ParameterizedTest(name = "attempt {0} waits {1} s")
    @CsvSource({ "0, 8", "1, 8", "2, 15", "3, 30", "4, 45", "9, 45" })
    void intervalDoublesWithinTheBounds(int attempt, int seconds) {
        assertEquals(seconds, logicAppsDefault.delayBeforeAttempt(attempt));
    }

    @ParameterizedTest(name = "a {0} s interval is raised to the 5 s minimum")
    @CsvSource({ "1", "2.5" })
    void shortIntervalsAreRaisedToTheMinimum(double interval) {
        assertEquals(5, new RetryPolicy(4, interval, 5, 45).delayBeforeAttempt(1));
    }
}
