package io.flowdoctor.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The platform's default exponential retry policy (knowledge-base/retry-policy.yaml). Rules use it as a
 * fact to say how long to wait before a transient failure is tried again.
 */
public record RetryPolicy(@JsonProperty(required = true) int count, @JsonProperty(required = true) double intervalSeconds,
        @JsonProperty(required = true) int minimumSeconds, @JsonProperty(required = true) int maximumSeconds) {

    /** The wait before the given attempt (1 = the first retry): the interval doubles per attempt, within the bounds. */
    public int delayBeforeAttempt(int attempt) {
        double exponential = intervalSeconds * Math.pow(2, Math.max(0, attempt - 1));
        return (int) Math.ceil(Math.min(maximumSeconds, Math.max(minimumSeconds, exponential)));
    }
}
