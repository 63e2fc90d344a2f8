package io.flowdoctor.knowledge;

import java.util.Locale;
import java.util.Set;

/**
 * Which steps change something outside the flow (knowledge-base/side-effects.yaml): a succeeded step
 * whose operation id or name starts with one of the verbs. Resubmitting a run after one would repeat it.
 */
public record SideEffects(Set<String> succeededStatuses, Set<String> verbs) {

    public SideEffects {
        succeededStatuses = succeededStatuses == null ? Set.of() : Set.copyOf(succeededStatuses);
        verbs = verbs == null ? Set.of() : Set.copyOf(verbs);
    }

    public static SideEffects none() {
        return new SideEffects(Set.of(), Set.of());
    }

    /** Whether a step with this status, operation id and name changed something outside the flow. */
    public boolean changedSomething(String status, String operation, String name) {
        if (status == null || !succeededStatuses.contains(status.strip().toLowerCase(Locale.ROOT))) {
            return false;
        }
        return changes(operation, name);
    }

    /** Whether a step with this operation id and name changes something outside the flow when it runs. */
    public boolean changes(String operation, String name) {
        String operationId = operation == null ? "" : operation.strip().toLowerCase(Locale.ROOT);
        String firstWord = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).split("[\\s_]+", 2)[0];
        return verbs.stream()
                .anyMatch(verb -> operationId.startsWith(verb) || firstWord.equals(verb) || firstWord.equals(verb + "s"));
    }
}
