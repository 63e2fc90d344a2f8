package io.flowdoctor.knowledge;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The precedence table of knowledge-base/precedence.yaml: per kind of conclusion, its values in the order
 * in which they win (first wins).
 */
public record Precedence(@JsonProperty(required = true) List<String> specificity,
        @JsonProperty(required = true) List<String> categories,
        @JsonProperty(required = true) List<String> resubmit, @JsonProperty(required = true) List<String> escalation) {

    public Precedence {
        specificity = specificity == null ? List.of() : List.copyOf(specificity);
        categories = categories == null ? List.of() : List.copyOf(categories);
        resubmit = resubmit == null ? List.of() : List.copyOf(resubmit);
        escalation = escalation == null ? List.of() : List.copyOf(escalation);
    }

    /** Orders enum constants so that the one that wins comes first; a value the table lacks comes last. */
    public static <E extends Enum<E>> Comparator<E> firstWins(List<String> order) {
        return Comparator.comparingInt(value -> {
            int index = order.indexOf(value.name());
            return index < 0 ? Integer.MAX_VALUE : index;
        });
    }

    /** The values of an enum the table does not list, for the gate's problems. */
    public static <E extends Enum<E>> List<String> missing(List<String> order, Class<E> values) {
        return Arrays.stream(values.getEnumConstants()).map(Enum::name).filter(name -> !order.contains(name)).toList();
    }
}
