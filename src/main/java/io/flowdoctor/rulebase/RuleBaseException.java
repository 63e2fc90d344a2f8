package io.flowdoctor.rulebase;

import java.util.List;
import java.util.stream.Collectors;

/** The rule base cannot be used; every problem names its file and, where known, its line. */
public class RuleBaseException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RuleBaseException(List<RuleProblem> problems) {
        super("The rule base has " + problems.size() + " problem(s):\n  "
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
