package io.flowdoctor.diagnosis;

import io.flowdoctor.rulebase.RuleRef;

import java.util.List;

/** Everything the rules concluded about one failure, as plain records. Findings are ranked, the primary first. */
public record Conclusions(
        List<Derived<Finding>> findings,
        PrimaryFinding primary,
        List<Derived<Recommendation>> recommendations,
        List<Derived<ResubmitAdvice>> resubmits,
        List<Derived<Escalation>> escalations,
        List<RuleRef> firedRules) {
}
