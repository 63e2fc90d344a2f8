package io.flowdoctor.knowledge;

import java.util.List;

/** One tip in one language: a title, what happened in plain words, and the steps that fix it. */
public record TipText(String title, String whatHappened, List<String> steps) {

    public TipText {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
