package io.flowdoctor.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the audit keeps of one diagnosis. Request summary, answer and replay input are JSON; the signature
 * tells a repeat of the same failure of the flow.
 */
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
        String replayInput,
        String signature,
        List<FiredRule> firedRules,
        List<String> tipIds) {

    /** A rule that fired. */
    public record FiredRule(String ruleId, String rule, String file) {
    }
}
