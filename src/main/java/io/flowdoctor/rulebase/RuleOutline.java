package io.flowdoctor.rulebase;

import java.io.Serializable;
import java.util.List;

/**
 * What a rule can conclude, read from its consequence: the categories of its findings, the tips it
 * recommends, the resubmit advice and escalation levels it gives.
 *
 * @param family the rule file's path under the rules directory without its extension, {@code <group>/<family>},
 *        e.g. "connectors/office365users"
 * @param conditions the patterns of its conditions as "Type(constraint, ...)" text, from which the reload gate
 *        builds the facts that probe whether the rule's evaluation stops
 */
public record RuleOutline(RuleRef rule, String family, List<String> categories, List<String> tips, List<String> resubmit,
        List<String> escalation, String conditions) implements Serializable {

    public RuleOutline {
        categories = List.copyOf(categories);
        tips = List.copyOf(tips);
        resubmit = List.copyOf(resubmit);
        escalation = List.copyOf(escalation);
    }
}
