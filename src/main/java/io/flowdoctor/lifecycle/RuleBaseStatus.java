package io.flowdoctor.lifecycle;

import java.time.Instant;

import io.flowdoctor.lifecycle.RuleBaseRejected.Rejection;

/**
 * The answer of GET /api/v1/rules/status.
 *
 * @param lastRejection the last rejected attempt, kept after later good ones so that its errors stay readable
 * @param lastAttempt the last reload attempt (none before the first reload), with what it did and why
 * @param lastAttemptRejected whether the last attempt was rejected: the files on disk are not what serves
 * @param servingAgainAfter the time of the rejected attempt the files have recovered from since (the first good attempt
 *        after it serves again); null while the last attempt is rejected, or before any rejection
 * @param lastReplay the replay of the last reload that activated a version: which answers to stored failures it
 *        changed; null before the first
 */
public record RuleBaseStatus(Version serving, Version previous, Rejection lastRejection, Attempt lastAttempt,
        boolean lastAttemptRejected, Instant servingAgainAfter, Replays.ReplayView lastReplay) {

    /**
     * A rule base version and when it began to serve.
     *
     * @param loadedFrom COMPILED when its files were compiled and gated, CACHE when it was read from the compiled form
     *        kept when the same version passed its gate before (a start with unchanged rules, a reload that undoes an
     *        edit)
     */
    public record Version(String version, Instant loadedAt, int rules, LoadedFrom loadedFrom) {
    }

    /** How a version came to serve. */
    public enum LoadedFrom {
        COMPILED,
        CACHE
    }

    /**
     * One reload attempt.
     *
     * @param version the version serving after it
     * @param servingAgain whether it followed a rejected attempt and the files are good again
     */
    public record Attempt(Instant at, ReloadOutcome.Result result, String version, String message, boolean servingAgain) {
    }
}
