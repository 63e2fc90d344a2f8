package io.flowdoctor.knowledge;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...": the nearest of the allowed names to a misspelt one, by edit distance. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The allowed name nearest to the given one, when it is near enough to be a slip of the keyboard: at most a
     * third of the name's letters differ (at least one, at most three).
     */
    public static Optional<String> nearest(String name, Collection<String> allowed) {
        int limit = Math.max(1, Math.min(3, name.length() / 3));
        return allowed.stream()
                .filter(candidate -> !candidate.equals(name))
                .min(Comparator.comparingInt((String candidate) -> distance(name, candidate)).thenComparing(c -> c))
                .filter(candidate -> distance(name, candidate) <= limit);
    }

    /** " did you mean `x`?" or nothing: to append to a problem. */
    public static String didYouMean(String name, Collection<String> allowed) {
        return nearest(name, allowed).map(candidate -> "; did you mean `" + candidate + "`?").orElse("");
    }

    /** Levenshtein distance, ignoring case: a field typed in the wrong case is a slip too. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
