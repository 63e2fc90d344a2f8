package io.flowdoctor.intake;

import java.time.Duration;

/**
 * A diagnosis was not recorded: the writers' queue is full, or the recording took longer than the request may
 * wait. Answered with 503 problem+json and Retry-After; a request sent again is not counted twice when it
 * carries the same runId or Idempotency-Key.
 */
public class RecordingBusy extends RuntimeException {

    private final Duration retryAfter;

    public RecordingBusy(Duration retryAfter, String message) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** What the caller is told to wait before it sends the request again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
