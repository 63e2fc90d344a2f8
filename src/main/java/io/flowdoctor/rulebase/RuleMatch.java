package io.flowdoctor.rulebase;

import java.util.List;

/** One firing of a rule and the facts its conditions matched. */
public record RuleMatch(RuleRef rule, List<Object> facts) {
}
