package io.flowdoctor.diagnosis;

import io.flowdoctor.rulebase.RuleRef;

/** A fact a rule inserted, with the rule that inserted it. */
public record Derived<T>(T fact, RuleRef rule) {
}
