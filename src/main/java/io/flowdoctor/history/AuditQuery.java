package io.flowdoctor.history;

import java.time.Instant;

/** Filters of the audit list; null means any. The time range is on the failure time, from inclusive, to exclusive. */
public record AuditQuery(String flowId, String category, String ruleId, String escalationLevel, Instant from, Instant to,
        int page, int size) {
}
