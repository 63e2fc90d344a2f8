package io.flowdoctor.diagnosis;

import io.flowdoctor.rulebase.Derived;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks findings: the most specific evidence explains the failure (connector > error code > message
 * text > status code); among equals, the category order, then the rule id, keep answers stable.
 */
final class FindingRanking {

    static final Comparator<Derived<Finding>> MOST_SPECIFIC_FIRST =
            Comparator.comparing((Derived<Finding> f) -> f.fact().specificity(), Comparator.reverseOrder())
                    .thenComparing(f -> f.fact().category())
                    .thenComparing(f -> f.rule() == null ? "" : f.rule().ruleId());

    private FindingRanking() {
    }

    static List<Derived<Finding>> rank(List<Derived<Finding>> findings) {
        return findings.stream().sorted(MOST_SPECIFIC_FIRST).toList();
    }

    static PrimaryFinding primary(List<Derived<Finding>> ranked) {
        if (ranked.isEmpty()) {
            return new PrimaryFinding(Category.UNKNOWN, Specificity.NONE);
        }
        Finding first = ranked.get(0).fact();
        return new PrimaryFinding(first.category(), first.specificity());
    }
}
