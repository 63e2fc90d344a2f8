package io.flowdoctor.rulebase;

import java.util.List;

/**
 * What one evaluation concluded, as plain records: every fact a rule inserted, credited to that rule;
 * the rules that fired; and, in firing order, the facts each firing matched.
 */
public record Evaluation(List<Derived<Object>> conclusions, List<RuleRef> firedRules, List<RuleMatch> matches) {

    public Evaluation {
        conclusions = List.copyOf(conclusions);
        firedRules = List.copyOf(firedRules);
        matches = List.copyOf(matches);
    }

    /** The concluded facts of one type, with the rules that concluded them. */
    public <T> List<Derived<T>> all(Class<T> type) {
        return conclusions.stream()
                .filter(derived -> type.isInstance(derived.fact()))
                .map(derived -> new Derived<>(type.cast(derived.fact()), derived.rule()))
                .toList();
    }
}
