package io.flowdoctor.lifecycle;

import java.time.Instant;

import io.flowdoctor.lifecycle.RuleBaseRejected.Rejection;

/** The answer of GET /api/v1/rules/status. */
public record RuleBaseStatus(Version serving, Version previous, Rejection lastRejection) {

    /** A rule base version and when it began to serve. */
    public record Version(String version, Instant loadedAt, int rules) {
    }
}
