package io.flowdoctor.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

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

    /**
     * A repair tip in the caller's language, with the steps for the request's product.
     *
     * @param stepDetails the steps again, each with who acts, the least-privileged access it needs and its risk
     * @param appliesTo the products (and connector kinds, designers) the tip is written for
     * @param resubmitSafety safe, check-first or never: whether resubmitting the whole run is safe once the tip is
     *        followed
     * @param resubmitCheck what to check before resubmitting; only with check-first
     * @param verify how to confirm the fix worked
     * @param expectedWait the field {@code wait}: how long the fix may take to work; null when it works at once
     * @param docs Microsoft Learn pages and the day each was last verified
     * @param source where the tip's facts come from (a file under knowledge-base/sources/ or a link)
     */
    public record RecommendationItem(String tipId, String title, List<String> steps, String ruleId, List<StepItem> stepDetails,
            AppliesTo appliesTo, String resubmitSafety, String resubmitCheck, String verify,
            @JsonProperty("wait") String expectedWait, List<DocItem> docs,
            String source) {
    }

    /**
     * One step of a tip: its text, who acts (maker, flow-owner, resource-owner, environment-admin, tenant-admin,
     * support), the least-privileged role or permission that needs (null: none beyond the actor's own) and where it
     * weakens security or cannot be undone (null: neither).
     */
    public record StepItem(String text, String actor, String access, String risk) {
    }

    /** The products a tip applies to; connectors and designer empty when the tip holds for both kinds. */
    public record AppliesTo(List<String> products, List<String> connectors, List<String> designer) {
    }

    /** A Microsoft Learn page and the day its link and content were last verified. */
    public record DocItem(String url, java.time.LocalDate verified) {
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
