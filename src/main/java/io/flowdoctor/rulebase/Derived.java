package io.flowdoctor.rulebase;

import java.util.Comparator;

/** A fact a rule concluded, with that rule; a fact several rules concluded comes once per rule. */
public record Derived<T>(T fact, RuleRef rule) {

    /** Ranks a lower rule id above a higher one, so that {@code max} settles ties the same way every time. */
    public static final Comparator<RuleRef> PREFER_LOWEST_RULE_ID = Comparator
            .comparing((RuleRef rule) -> rule == null ? "" : rule.ruleId(), Comparator.reverseOrder());
}
