package io.flowdoctor.diagnosis;

import java.time.Instant;

/**
 * Fact: the flow's current incident, this failure included: how many failures, since when, and how many
 * failures the flow had in the hour up to this one.
 */
public record FailureHistory(int failureCount, Instant firstFailedAt, int failuresInLastHour) {

    /** The history of a flow's first failure. */
    public static FailureHistory first(Instant failedAt) {
        return new FailureHistory(1, failedAt, 1);
    }
}
