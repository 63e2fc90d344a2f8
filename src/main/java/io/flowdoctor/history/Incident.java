package io.flowdoctor.history;

import java.time.Instant;

/**
 * A flow's current incident as of one failure: how many failures it holds, when the first happened, and
 * how many failures the flow had in the hour up to this one.
 */
public record Incident(int failureCount, Instant firstFailedAt, int failuresInLastHour) {
}
