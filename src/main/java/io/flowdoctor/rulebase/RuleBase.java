package io.flowdoctor.rulebase;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

import io.flowdoctor.knowledge.KnowledgeBase;

/**
 * One compiled version of rules/ together with the knowledge-base/ it was checked against. The compiled
 * rules stay inside: callers evaluate facts and get plain records back.
 */
public final class RuleBase {

    /** Where a rule base came from: compiled from its files, or read from the compiled form its gate passed. */
    public enum Origin {
        /** Compiled from rules/ and checked against knowledge-base/ here and now. */
        COMPILED,
        /** Read from the compiled form kept when this version passed its gate (see {@link CompiledRuleBases}). */
        CACHE
    }

    private final KieBase kieBase;
    private final KnowledgeBase knowledge;
    private final String version;
    private final Map<String, RuleRef> rules;
    private final Map<String, RuleOutline> outlines;
    private final Instant loadedAt;
    private final EvaluationBounds bounds;
    private final Origin origin;

    /**
     * @param rules every rule by its package and name
     * @param version sha256 over the rule and knowledge-base files
     * @param outlines what each rule can conclude, by rule id
     */
    RuleBase(KieBase kieBase, KnowledgeBase knowledge, String version, Map<String, RuleRef> rules,
            Map<String, RuleOutline> outlines, Instant loadedAt, EvaluationBounds bounds, Origin origin) {
        this.kieBase = kieBase;
        this.knowledge = knowledge;
        this.version = version;
        this.rules = Map.copyOf(rules);
        this.outlines = Map.copyOf(outlines);
        this.loadedAt = loadedAt;
        this.bounds = bounds;
        this.origin = origin;
    }

    /** Fires the rules on the facts, both phases; nothing is added between them. */
    public Evaluation evaluate(List<Object> facts) {
        return evaluate(facts, concluded -> List.of());
    }

    /**
     * Fires the classification rules on the facts; the interlude then sees what they concluded and
     * returns facts to add before the advice phase (ruleflow-group "advise") fires.
     *
     * @throws RuleEvaluationOverrun when the rules do not stop within this rule base's bounds (the time budget: twice)
     */
    public Evaluation evaluate(List<Object> facts, Function<Evaluation, List<Object>> interlude) {
        try {
            return RuleSession.evaluate(kieBase, this::ref, facts, interlude, bounds);
        } catch (RuleEvaluationOverrun e) {
            if (e.bound() != RuleEvaluationOverrun.Bound.TIME) {
                throw e;
            }
            // A cold JVM loads and compiles classes on the evaluating thread, which counts as its CPU time (a rule
            // base's first evaluations after a start, a rule's first match): the facts overrun the time budget only
            // when a second evaluation of them overruns it too. Rules never change the facts they are given.
            return RuleSession.evaluate(kieBase, this::ref, facts, interlude, bounds);
        }
    }

    /** How far one evaluation may go: firings and time. */
    public EvaluationBounds bounds() {
        return bounds;
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    public String version() {
        return version;
    }

    public Map<String, RuleOutline> outlines() {
        return outlines;
    }

    public Origin origin() {
        return origin;
    }

    KieBase kieBase() {
        return kieBase;
    }

    Map<String, RuleRef> rulesByKey() {
        return rules;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public Collection<RuleRef> allRules() {
        return rules.values();
    }

    private RuleRef ref(Rule rule) {
        return rules.get(key(rule.getPackageName(), rule.getName()));
    }

    static String key(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }
}
