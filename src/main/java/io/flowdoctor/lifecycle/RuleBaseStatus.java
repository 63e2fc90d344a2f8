package io.flowdoctor.lifecycle;

import java.time.Instant;

import io.flowdoctor.lifecycle.RuleBaseRejected.Rejection;

/**
 * The answer of GET /api/v1/rules/status: the versions, the last rejected attempt, and what the last reload
 * changed in the answers to stored failures (its replay).
 */
public record RuleBaseStatus(Version serving, Version previous, Rejection lastRejection, Replays.ReplayView lastReplay) {

    /** A rule base version and when it began to serve. */
    public record Version(String version, Instant loadedAt, int rules) {
    }
}
