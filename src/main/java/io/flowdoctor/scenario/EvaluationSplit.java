package io.flowdoctor.scenario;

import java.util.List;

/** A split of the evaluation corpus as it is kept in one file: its purpose and its cases. */
public record EvaluationSplit(String split, String description, List<LabelledFailure> cases) {

    public EvaluationSplit {
        cases = List.copyOf(cases);
    }
}
