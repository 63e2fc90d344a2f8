package io.flowdoctor.lifecycle;

import io.flowdoctor.lifecycle.RuleBaseRejected.Rejection;

/**
 * What one reload attempt did.
 *
 * @param message the attempt's story in a sentence, as the log tells it
 * @param servingAgain whether this attempt followed a rejected one and the files are good again
 */
public record ReloadOutcome(Result result, String version, Rejection rejection, String message, boolean servingAgain) {

    public enum Result {
        /** A new version compiled, passed every scenario and now serves. */
        ACTIVATED,
        /** The files describe the version that already serves. */
        UNCHANGED,
        /** The attempt failed; the serving version stays. */
        REJECTED
    }
}
