package io.flowdoctor.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the audit keeps of one diagnosis. Request summary and answer are JSON. */
public record AuditEntry(
        UUID id,
        String flowId,
        String flowName,
        String environmentId,
        String runId,
        Instant failedAt,
        String failedAction,
        String category,
        String escalationLevel,
        String primaryRuleId,
        String ruleSetVersion,
        String locale,
        String ownerEmail,
        String requestSummary,
        String answer,
        List<FiredRule> firedRules) {

    /** A rule that fired. */
    public record FiredRule(String ruleId, String rule, String file) {
    }
}
