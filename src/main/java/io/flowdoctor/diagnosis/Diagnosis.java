package io.flowdoctor.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.flowdoctor.rulebase.RuleRef;

/** The answer to one failed run: the v1 response of POST /api/v1/diagnoses. */
public record Diagnosis(
        UUID diagnosisId,
        String flowId,
        String runId,
        String failedAction,
        Category category,
        List<FindingItem> findings,
        String whatHappened,
        List<RecommendationItem> recommendations,
        ResubmitItem resubmit,
        EscalationItem escalation,
        RepairTips repairTips,
        List<RuleRef> firedRules,
        String ruleSetVersion,
        String locale,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Explanation> explanation) {

    /** Why a fired rule concluded what it did: the facts and values it matched, its evidence, its results. */
    public record Explanation(String ruleId, String rule, String file, List<MatchedFact> matched, String evidence,
            List<String> concluded) {
    }

    /** A fact a rule matched, with its field values as the rule saw them (text normalised). */
    public record MatchedFact(String fact, Map<String, Object> values) {
    }

    /** A finding with the rule that drew it; the first one is the primary. */
    public record FindingItem(Category category, Specificity specificity, String ruleId, String rule, String evidence) {
    }

    /** A repair tip in the caller's language. */
    public record RecommendationItem(String tipId, String title, List<String> steps, String ruleId) {
    }

    /** Whether and when to resubmit; delay and attempts only for AUTOMATIC. */
    public record ResubmitItem(Resubmit advice, Integer delaySeconds, Integer maxAttempts, String ruleId) {
    }

    /** Who has to act; a support request only for SUPPORT. */
    public record EscalationItem(
            EscalationLevel level, String reason, SupportRequest supportRequest, List<Link> links, String ruleId) {
    }

    /** The fields of the support site's "Contact support" form, filled in from the failure. */
    public record SupportRequest(String problemType, String category, String description) {
    }

    /** A place to get help. */
    public record Link(String kind, String title, String url) {
    }

    /** The sections of the repair-tips e-mail. */
    public record RepairTips(Instant when, String whatHappened, String howToFix, TroubleshootingTips troubleshootingTips) {
    }

    /** How often the flow failed in this incident, since when, and where to resubmit the run. */
    public record TroubleshootingTips(int failureCount, Instant firstFailedAt, String resubmitUrl) {
    }
}
