package io.flowdoctor.stream;

import io.flowdoctor.api.Problem;

/** A record whose value is no failed run: not JSON, of another shape, or invalid. Its problem says why. */
public class UnreadableRecord extends RuntimeException {

    private final transient Problem problem;

    public UnreadableRecord(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
