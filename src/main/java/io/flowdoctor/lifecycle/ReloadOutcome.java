package io.flowdoctor.lifecycle;

import io.flowdoctor.lifecycle.RuleBaseRejected.Rejection;

/** What one reload attempt did. */
public record ReloadOutcome(Result result, String version, Rejection rejection) {

    public enum Result {
        /** A new version compiled, passed every scenario and now serves. */
        ACTIVATED,
        /** The files describe the version that already serves. */
        UNCHANGED,
        /** The attempt failed; the serving version stays. */
        REJECTED
    }
}
