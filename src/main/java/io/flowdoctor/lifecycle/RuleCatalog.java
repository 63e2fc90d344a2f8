package io.flowdoctor.lifecycle;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.flowdoctor.history.AdviceOutcomes;
import io.flowdoctor.history.AdviceOutcomes.Effectiveness;
import io.flowdoctor.knowledge.Precedence;
import io.flowdoctor.rulebase.ActiveRuleBase;
import io.flowdoctor.rulebase.RuleOutline;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every rule of the serving rule base, what it can conclude, how often it fired since the start, and how
 * its advice and its tips fared in the recorded history (given, recovered after, repeated after).
 */
@ApplicationScoped
public class RuleCatalog {

    /** Counter of fired rules, tagged by rule id: counted where diagnoses are taken in, read back here. */
    public static final String RULES_FIRED = "flowdoctor.rules.fired";

    private final ActiveRuleBase active;
    private final MeterRegistry registry;
    private final AdviceOutcomes outcomes;

    public RuleCatalog(ActiveRuleBase active, MeterRegistry registry, AdviceOutcomes outcomes) {
        this.active = active;
        this.registry = registry;
        this.outcomes = outcomes;
    }

    /** One rule in the catalog. */
    public record Entry(String ruleId, String rule, String file, String family, List<String> categories, List<String> tips,
            List<String> resubmit, List<String> escalation, long firedSinceStart, Effectiveness effectiveness,
            List<TipEffectiveness> tipEffectiveness) {
    }

    /** How one of the rule's tips fared, wherever it was given. */
    public record TipEffectiveness(String tipId, Effectiveness effectiveness) {
    }

    private static final Effectiveness NEVER_GIVEN = new Effectiveness(0, 0, null, 0);

    public List<Entry> entries() {
        Map<String, Effectiveness> byRule = outcomes.byRule();
        Map<String, Effectiveness> byTip = outcomes.byTip();
        return active.current().outlines().values().stream()
                .map(outline -> entry(outline, byRule, byTip))
                .sorted(Comparator.comparing(Entry::file).thenComparing(Entry::ruleId))
                .toList();
    }

    /** Which conclusion wins when rules disagree, as the serving rule base ranks them. */
    public Precedence precedence() {
        return active.current().knowledge().precedence();
    }

    private Entry entry(RuleOutline outline, Map<String, Effectiveness> byRule, Map<String, Effectiveness> byTip) {
        Counter fired = registry.find(RULES_FIRED).tag("rule", outline.rule().ruleId()).counter();
        return new Entry(outline.rule().ruleId(), outline.rule().rule(), outline.rule().file(), outline.family(),
                outline.categories(), outline.tips(), outline.resubmit(), outline.escalation(),
                fired == null ? 0 : (long) fired.count(), byRule.getOrDefault(outline.rule().ruleId(), NEVER_GIVEN),
                outline.tips().stream().map(tip -> new TipEffectiveness(tip, byTip.getOrDefault(tip, NEVER_GIVEN))).toList());
    }
}
