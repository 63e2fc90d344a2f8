package io.flowdoctor.rulebase;

import io.flowdoctor.knowledge.KnowledgeBase;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * One compiled version of rules/ together with the knowledge-base/ it was checked against.
 *
 * @param version  sha256 over the rule and knowledge-base files
 * @param outlines what each rule can conclude, by rule id
 */
public record RuleBase(KieBase kieBase, KnowledgeBase knowledge, String version, Map<String, RuleRef> rules,
                       Map<String, RuleOutline> outlines, Instant loadedAt) {

    public RuleBase {
        rules = Map.copyOf(rules);
        outlines = Map.copyOf(outlines);
    }

    public RuleRef ref(Rule rule) {
        return rules.get(key(rule.getPackageName(), rule.getName()));
    }

    public Collection<RuleRef> allRules() {
        return rules.values();
    }

    static String key(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }
}
