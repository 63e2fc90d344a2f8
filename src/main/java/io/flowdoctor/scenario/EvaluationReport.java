package io.flowdoctor.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.flowdoctor.diagnosis.Category;
import io.flowdoctor.scenario.CorpusEvaluation.Outcome;

/** The figures of one evaluation: category accuracy overall and per category, resubmit and support. */
public record EvaluationReport(String split, List<Outcome> outcomes) {

    public EvaluationReport {
        outcomes = List.copyOf(outcomes);
    }

    public double categoryAccuracy() {
        return share(outcomes, Outcome::categoryRight);
    }

    /** Per labelled category: the share the rule base put in that category. */
    public Map<Category, Double> accuracyPerCategory() {
        Map<Category, Double> perCategory = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            List<Outcome> labelled = outcomes.stream().filter(o -> o.failure().label().category() == category).toList();
            if (!labelled.isEmpty()) {
                perCategory.put(category, share(labelled, Outcome::categoryRight));
            }
        }
        return perCategory;
    }

    /** The mean of the recall on failures a resubmit would fix and the recall on those it would not. */
    public double resubmitBalancedAccuracy() {
        List<Outcome> wouldSucceed = outcomes.stream().filter(o -> o.failure().label().resubmitSucceeds()).toList();
        List<Outcome> wouldFail = outcomes.stream().filter(o -> !o.failure().label().resubmitSucceeds()).toList();
        return (share(wouldSucceed, Outcome::resubmitAdvised) + share(wouldFail, o -> !o.resubmitAdvised())) / 2;
    }

    /** Of the failures sent to support, the share only support could fix; 1 when none was sent. */
    public double supportPrecision() {
        return supportPrecision(Outcome::supportCalled);
    }

    /** Of the failures only support could fix, the share sent to support; 1 when there are none. */
    public double supportRecall() {
        return supportRecall(Outcome::supportCalled);
    }

    /** {@link #supportPrecision()} when each failure comes back a third time within the hour. */
    public double supportPrecisionWhenBack() {
        return supportPrecision(Outcome::supportCalledWhenBack);
    }

    /** {@link #supportRecall()} when each failure comes back a third time within the hour. */
    public double supportRecallWhenBack() {
        return supportRecall(Outcome::supportCalledWhenBack);
    }

    private double supportPrecision(Predicate<Outcome> called) {
        List<Outcome> sent = outcomes.stream().filter(called).toList();
        return sent.isEmpty() ? 1 : share(sent, o -> o.failure().label().supportOnly());
    }

    private double supportRecall(Predicate<Outcome> called) {
        List<Outcome> supportOnly = outcomes.stream().filter(o -> o.failure().label().supportOnly()).toList();
        return supportOnly.isEmpty() ? 1 : share(supportOnly, called);
    }

    /** Labelled category -> answered category, for every miss, most frequent first. */
    public List<Map.Entry<String, Long>> confusionPairs() {
        return outcomes.stream().filter(o -> !o.categoryRight())
                .collect(Collectors.groupingBy(o -> o.failure().label().category() + " -> " + o.category(),
                        Collectors.counting()))
                .entrySet().stream()
                .sorted(Map.Entry.<String, Long> comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    /**
     * Per rule that decided a category and was wrong at least once: the failures it decided and the share it got right,
     * most misses first. A rule that decides often and wrongly is where a wording or a condition is too broad.
     */
    public List<RuleTally> decidingRulesThatMissed() {
        return outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::primaryRule))
                .entrySet().stream()
                .map(entry -> new RuleTally(entry.getKey(), entry.getValue().size(),
                        (int) entry.getValue().stream().filter(Outcome::categoryRight).count()))
                .filter(tally -> tally.right() < tally.decided())
                .sorted(Comparator.comparingInt((RuleTally tally) -> tally.right() - tally.decided())
                        .thenComparing(RuleTally::ruleId))
                .toList();
    }

    /** How often one rule decided the category, and how often rightly. */
    public record RuleTally(String ruleId, int decided, int right) {
    }

    /** The report as printed by {@code ./check-rules --evaluate}. */
    public String print(boolean listMisses) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Evaluation of the %s split: %d failures", split, outcomes.size()));
        lines.add(String.format(Locale.ROOT, "  category accuracy            %.3f", categoryAccuracy()));
        accuracyPerCategory().forEach((category, accuracy) -> lines.add(String.format(Locale.ROOT, "    %-24s %.3f  (%d)",
                category, accuracy, outcomes.stream().filter(o -> o.failure().label().category() == category).count())));
        lines.add(String.format(Locale.ROOT, "  resubmit balanced accuracy   %.3f", resubmitBalancedAccuracy()));
        lines.add(String.format(Locale.ROOT, "  support precision            %.3f  (%d sent to support)", supportPrecision(),
                outcomes.stream().filter(Outcome::supportCalled).count()));
        lines.add(String.format(Locale.ROOT, "  support recall               %.3f  (%d only support can fix)", supportRecall(),
                outcomes.stream().filter(o -> o.failure().label().supportOnly()).count()));
        lines.add("  when the failure comes back (the third time within the hour):");
        lines.add(String.format(Locale.ROOT, "    support precision          %.3f  (%d sent to support)",
                supportPrecisionWhenBack(),
                outcomes.stream().filter(Outcome::supportCalledWhenBack).count()));
        lines.add(String.format(Locale.ROOT, "    support recall             %.3f", supportRecallWhenBack()));
        lines.add("  confusion pairs (labelled -> answered):");
        confusionPairs().forEach(pair -> lines.add(String.format(Locale.ROOT, "    %3d  %s", pair.getValue(), pair.getKey())));
        if (listMisses) {
            lines.add("  deciding rules that missed (misses, right of decided):");
            decidingRulesThatMissed().forEach(tally -> lines.add(String.format(Locale.ROOT, "    %3d  %-16s %d of %d",
                    tally.decided() - tally.right(), tally.ruleId(), tally.right(), tally.decided())));
            lines.add(String.format(Locale.ROOT, "  misses (%d whose labelled category a rule found but another outranked):",
                    outcomes.stream().filter(o -> !o.categoryRight() && o.labelledRankedLower() != null).count()));
            outcomes.stream().filter(o -> !o.categoryRight())
                    .sorted(Comparator.comparing(o -> o.failure().id()))
                    .forEach(o -> lines.add(String.format(Locale.ROOT, "    %s %s -> %s (%s%s): %s", o.failure().id(),
                            o.failure().label().category(), o.category(), o.primaryRule(),
                            o.labelledRankedLower() == null ? "" : "; outranked " + o.labelledRankedLower(),
                            excerpt(o.failure().message()))));
            lines.add("  resubmit misses (labelled: a resubmit would succeed / would not):");
            outcomes.stream().filter(o -> o.resubmitAdvised() != o.failure().label().resubmitSucceeds())
                    .sorted(Comparator.comparing(o -> o.failure().id()))
                    .forEach(o -> lines.add(String.format(Locale.ROOT, "    %s %s, %s (%s): %s", o.failure().id(),
                            o.failure().label().resubmitSucceeds() ? "would succeed" : "would not", o.category(),
                            o.primaryRule(), excerpt(o.failure().message()))));
            lines.add("  support misses (labelled: only support can fix / sent to support without it):");
            supportMisses(Outcome::supportCalled).forEach(lines::add);
            lines.add("  support misses when the failure comes back:");
            supportMisses(Outcome::supportCalledWhenBack).forEach(lines::add);
        }
        return String.join(System.lineSeparator(), lines);
    }

    private List<String> supportMisses(Predicate<Outcome> called) {
        return outcomes.stream().filter(o -> called.test(o) != o.failure().label().supportOnly())
                .sorted(Comparator.comparing(o -> o.failure().id()))
                .map(o -> String.format(Locale.ROOT, "    %s %s, %s (%s): %s", o.failure().id(),
                        called.test(o) ? "sent without it" : "not sent", o.category(), o.primaryRule(),
                        excerpt(o.failure().message())))
                .toList();
    }

    private static String excerpt(String message) {
        String flat = message.replaceAll("\\s+", " ");
        return flat.length() <= 120 ? flat : flat.substring(0, 117) + "...";
    }

    private static double share(List<Outcome> outcomes, Predicate<Outcome> counted) {
        return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(counted).count() / outcomes.size();
    }
}
