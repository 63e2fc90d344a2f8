package io.flowdoctor.diagnosis;

import java.util.Comparator;
import java.util.List;

import io.flowdoctor.knowledge.Precedence;
import io.flowdoctor.rulebase.Derived;

/**
 * Ranks findings by the precedence table of the knowledge base: the most specific evidence explains the
 * failure; among equals, the category listed first, then the rule id, keep answers stable.
 */
final class FindingRanking {

    private FindingRanking() {
    }

    static List<Derived<Finding>> rank(List<Derived<Finding>> findings, Precedence precedence) {
        Comparator<Derived<Finding>> mostSpecificFirst = Comparator
                .comparing((Derived<Finding> f) -> f.fact().specificity(), Precedence.firstWins(precedence.specificity()))
                .thenComparing(f -> f.fact().category(), Precedence.firstWins(precedence.categories()))
                .thenComparing(f -> f.rule() == null ? "" : f.rule().ruleId());
        return findings.stream().sorted(mostSpecificFirst).toList();
    }

    static PrimaryFinding primary(List<Derived<Finding>> ranked) {
        if (ranked.isEmpty()) {
            return new PrimaryFinding(Category.UNKNOWN, Specificity.NONE);
        }
        Finding first = ranked.get(0).fact();
        return new PrimaryFinding(first.category(), first.specificity());
    }
}
