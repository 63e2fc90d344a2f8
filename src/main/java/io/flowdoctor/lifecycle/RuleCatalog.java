package io.flowdoctor.lifecycle;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.flowdoctor.knowledge.Precedence;
import io.flowdoctor.rulebase.ActiveRuleBase;
import io.flowdoctor.rulebase.RuleOutline;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Every rule of the serving rule base, what it can conclude, and how often it fired since the start. */
@ApplicationScoped
public class RuleCatalog {

    /** Counter of fired rules, tagged by rule id: counted where diagnoses are taken in, read back here. */
    public static final String RULES_FIRED = "flowdoctor.rules.fired";

    private final ActiveRuleBase active;
    private final MeterRegistry registry;

    public RuleCatalog(ActiveRuleBase active, MeterRegistry registry) {
        this.active = active;
        this.registry = registry;
    }

    /** One rule in the catalog. */
    public record Entry(String ruleId, String rule, String file, String family, List<String> categories, List<String> tips,
            List<String> resubmit, List<String> escalation, long firedSinceStart) {
    }

    public List<Entry> entries() {
        return active.current().outlines().values().stream()
                .map(this::entry)
                .sorted(Comparator.comparing(Entry::file).thenComparing(Entry::ruleId))
                .toList();
    }

    /** Which conclusion wins when rules disagree, as the serving rule base ranks them. */
    public Precedence precedence() {
        return active.current().knowledge().precedence();
    }

    private Entry entry(RuleOutline outline) {
        Counter fired = registry.find(RULES_FIRED).tag("rule", outline.rule().ruleId()).counter();
        return new Entry(outline.rule().ruleId(), outline.rule().rule(), outline.rule().file(), outline.family(),
                outline.categories(), outline.tips(), outline.resubmit(), outline.escalation(),
                fired == null ? 0 : (long) fired.count());
    }
}
