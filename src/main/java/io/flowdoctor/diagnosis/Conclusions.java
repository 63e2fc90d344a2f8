package io.flowdoctor.diagnosis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.flowdoctor.knowledge.KnowledgeBase;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.knowledge.Placeholders;
import io.flowdoctor.knowledge.Precedence;
import io.flowdoctor.rulebase.Derived;
import io.flowdoctor.rulebase.Evaluation;
import io.flowdoctor.rulebase.RuleMatch;
import io.flowdoctor.rulebase.RuleRef;

/**
 * Everything the rules concluded about one failure, as plain records. Findings are ranked, the primary
 * first; matches are the facts each firing matched, in firing order.
 */
public record Conclusions(
        List<Derived<Finding>> findings,
        PrimaryFinding primary,
        List<Derived<Recommendation>> recommendations,
        List<Derived<ResubmitAdvice>> resubmits,
        List<Derived<Escalation>> escalations,
        List<RuleRef> firedRules,
        List<RuleMatch> matches) {

    /** The conclusions of an evaluation whose advice rules reasoned on the given primary finding. */
    static Conclusions of(Evaluation evaluation, PrimaryFinding primary, Precedence precedence) {
        return new Conclusions(FindingRanking.rank(evaluation.all(Finding.class), precedence), primary,
                evaluation.all(Recommendation.class), evaluation.all(ResubmitAdvice.class), evaluation.all(Escalation.class),
                evaluation.firedRules(), evaluation.matches());
    }

    private static final String IN_ERROR_CODE = "inErrorCode";

    /**
     * What a rule's evidence text may name, from the facts its first firing matched: the lexicon
     * {phrase} and {signal}, the error {code}, the {status} code.
     */
    public Map<String, Object> evidenceValues(RuleRef rule) {
        Map<String, Object> values = new HashMap<>();
        matches.stream().filter(match -> match.rule().equals(rule)).findFirst().ifPresent(match -> {
            for (Object fact : match.facts()) {
                if (fact instanceof Signal signal && !values.containsKey("phrase")) {
                    values.put("phrase", signal.phrase());
                    values.put("signal", signal.name());
                    values.put(IN_ERROR_CODE, signal.inErrorCode());
                } else if (fact instanceof Code code && !values.containsKey("code")) {
                    values.put("code", code.value());
                } else if (fact instanceof FailedAction action && action.statusCode() > 0) {
                    values.put("status", action.statusCode());
                }
            }
        });
        return values;
    }

    /** A rule's evidence in the language of the answer, its placeholders filled; null for a rule without one. */
    public String evidence(RuleRef rule, KnowledgeBase knowledge, Language language) {
        String text = rule == null ? null : knowledge.evidence(rule.ruleId(), language);
        if (text == null) {
            return null;
        }
        Map<String, Object> values = evidenceValues(rule);
        String filled = Placeholders.fill(text, values);
        // The wording was read in the error code's words, not in the message the evidence speaks of.
        return Boolean.TRUE.equals(values.get(IN_ERROR_CODE))
                ? filled + " " + knowledge.text("evidence.in-error-code", language)
                : filled;
    }

    /**
     * The facts that speak for the primary finding: those of rules that found the primary category, and
     * those of advice rules that found nothing themselves. Advice attached to a finding in another
     * category would send the maker after a cause that stronger evidence ruled out.
     */
    public <T> List<Derived<T>> followingPrimary(List<Derived<T>> derived) {
        Set<RuleRef> classifying = findings.stream().map(Derived::rule).collect(Collectors.toSet());
        Set<RuleRef> primaryRules = findings.stream()
                .filter(finding -> finding.fact().category() == primary.category())
                .map(Derived::rule)
                .collect(Collectors.toSet());
        return derived.stream()
                .filter(fact -> primaryRules.contains(fact.rule()) || !classifying.contains(fact.rule()))
                .toList();
    }
}
