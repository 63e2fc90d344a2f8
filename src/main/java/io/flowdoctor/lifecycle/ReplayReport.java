package io.flowdoctor.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a candidate rule base would change: every stored failure whose category, primary rule, resubmit
 * advice or escalation would differ, grouped by kind of change (what it was and what it would be), with
 * counts and a few examples each.
 *
 * @param baseline the version the answers are compared with (or "recorded": the answers as given)
 * @param candidate the version replayed
 * @param replayed failures diagnosed again
 * @param changed failures with at least one change
 * @param unreadable stored inputs that could not be read back
 */
public record ReplayReport(String baseline, String candidate, int replayed, int changed, int unreadable,
        List<ChangeGroup> changes) {

    static final int EXAMPLES = 5;

    /** The kinds of change, in the order of their weight to a flow's owner. */
    public enum Kind {
        CATEGORY,
        PRIMARY_RULE,
        RESUBMIT,
        ESCALATION
    }

    /** One kind of change: how many failures it would touch, and which (a few of them). */
    public record ChangeGroup(Kind kind, String from, String to, int count, List<UUID> examples) {
    }

    /** Collects the comparisons one by one. */
    static final class Builder {

        private record Key(Kind kind, String from, String to) {
        }

        private final String baseline;
        private final String candidate;
        private final Map<Key, List<UUID>> examples = new LinkedHashMap<>();
        private final Map<Key, Integer> counts = new LinkedHashMap<>();
        private int replayed;
        private int changed;
        private int unreadable;

        Builder(String baseline, String candidate) {
            this.baseline = baseline;
            this.candidate = candidate;
        }

        void compare(UUID diagnosisId, AnswerKey before, AnswerKey after) {
            replayed++;
            List<Key> differences = new ArrayList<>();
            difference(differences, Kind.CATEGORY, before.category(), after.category());
            difference(differences, Kind.PRIMARY_RULE, before.primaryRule(), after.primaryRule());
            difference(differences, Kind.RESUBMIT, before.resubmit(), after.resubmit());
            difference(differences, Kind.ESCALATION, before.escalation(), after.escalation());
            if (!differences.isEmpty()) {
                changed++;
            }
            for (Key key : differences) {
                counts.merge(key, 1, Integer::sum);
                List<UUID> some = examples.computeIfAbsent(key, k -> new ArrayList<>());
                if (some.size() < EXAMPLES) {
                    some.add(diagnosisId);
                }
            }
        }

        void unreadable() {
            unreadable++;
        }

        int done() {
            return replayed + unreadable;
        }

        ReplayReport build() {
            List<ChangeGroup> groups = counts.entrySet().stream()
                    .map(e -> new ChangeGroup(e.getKey().kind(), e.getKey().from(), e.getKey().to(), e.getValue(),
                            List.copyOf(examples.get(e.getKey()))))
                    .sorted(Comparator.comparing(ChangeGroup::kind).thenComparing(ChangeGroup::count, Comparator.reverseOrder())
                            .thenComparing(group -> group.from() + ">" + group.to()))
                    .collect(Collectors.toList());
            return new ReplayReport(baseline, candidate, replayed, changed, unreadable, groups);
        }

        private static void difference(List<Key> differences, Kind kind, String before, String after) {
            if (!Objects.equals(before, after)) {
                differences.add(new Key(kind, before, after));
            }
        }
    }

    /** Lines for a terminal. */
    public String print() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Replayed %d failures with %s against %s: %d would change%s%n", replayed, candidate,
                baseline, changed, unreadable == 0 ? "" : " (" + unreadable + " unreadable)"));
        for (ChangeGroup group : changes) {
            out.append(String.format("  %-12s %s -> %s: %d (e.g. %s)%n", group.kind(), group.from(), group.to(),
                    group.count(), group.examples().stream().map(UUID::toString).collect(Collectors.joining(", "))));
        }
        return out.toString();
    }
}
