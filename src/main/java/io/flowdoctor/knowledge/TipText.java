package io.flowdoctor.knowledge;

import java.util.List;

/**
 * One tip in one language: a title, what happened in plain words, and the steps that fix it. Its fields
 * are checked when the tips are loaded, naming the field, the language and the line (not by the parser,
 * which could name neither).
 */
public record TipText(String title, String whatHappened, List<String> steps) {

    public TipText {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
