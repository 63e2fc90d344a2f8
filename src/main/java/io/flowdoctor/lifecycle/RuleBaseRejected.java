package io.flowdoctor.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import io.flowdoctor.rulebase.RuleProblem;
import io.flowdoctor.scenario.ScenarioFailure;

/** A rule base that may not serve: it does not compile, or scenarios fail against it. */
public class RuleBaseRejected extends RuntimeException {

    private final transient Rejection rejection;

    public RuleBaseRejected(Rejection rejection) {
        super(describe(rejection));
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }

    /** What was wrong with an attempt, kept for the status page. */
    public record Rejection(Instant at, String version, List<RuleProblem> problems, List<ScenarioFailure> scenarioFailures) {

        public Rejection {
            problems = List.copyOf(problems);
            scenarioFailures = List.copyOf(scenarioFailures);
        }
    }

    private static String describe(Rejection rejection) {
        List<String> lines = Stream.concat(
                rejection.problems().stream().map(RuleProblem::toString),
                rejection.scenarioFailures().stream().map(ScenarioFailure::toString)).toList();
        return "The rule base was rejected with " + lines.size() + " problem(s):\n  " + String.join("\n  ", lines);
    }
}
