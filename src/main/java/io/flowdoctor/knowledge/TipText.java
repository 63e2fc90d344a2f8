package io.flowdoctor.knowledge;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One tip in one language: a title, what happened in plain words, and the steps that fix it. */
public record TipText(@JsonProperty(required = true) String title, @JsonProperty(required = true) String whatHappened,
        @JsonProperty(required = true) List<String> steps) {

    public TipText {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
