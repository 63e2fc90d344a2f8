package io.flowdoctor.diagnosis;

import java.time.Instant;

/** Fact: how often this flow has failed in the current incident, this failure included. */
public record FailureHistory(int failureCount, Instant firstFailedAt) {
}
