package io.flowdoctor.knowledge;

import java.util.List;

/** The knowledge base could not be read; each problem names its file. */
public class KnowledgeBaseException extends RuntimeException {

    private final List<String> problems;

    public KnowledgeBaseException(List<String> problems) {
        super("The knowledge base has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
