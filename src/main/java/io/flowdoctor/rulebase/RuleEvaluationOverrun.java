package io.flowdoctor.rulebase;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules did not stop within the bounds of one evaluation; the session was halted and disposed. Names
 * the rules that kept firing, so an analyst knows which one loops.
 *
 * @see EvaluationBounds
 */
public class RuleEvaluationOverrun extends RuntimeException {

    /** Which bound was reached. */
    public enum Bound {
        FIRINGS,
        TIME
    }

    private final transient List<RuleRef> looping;
    private final Bound bound;
    private final int firings;

    public RuleEvaluationOverrun(Bound bound, int firings, Duration elapsed, EvaluationBounds bounds, List<RuleRef> looping) {
        super(describe(bound, firings, elapsed, bounds, looping));
        this.bound = bound;
        this.firings = firings;
        this.looping = List.copyOf(looping);
    }

    /** The rules that fired most, most first: the loop is among them. */
    public List<RuleRef> looping() {
        return looping;
    }

    public Bound bound() {
        return bound;
    }

    public int firings() {
        return firings;
    }

    private static String describe(Bound bound, int firings, Duration elapsed, EvaluationBounds bounds,
            List<RuleRef> looping) {
        String limit = bound == Bound.FIRINGS ? "the limit of " + bounds.maxFirings() + " firings"
                : "the time budget of " + bounds.timeBudget().toMillis() + " ms";
        String rules = looping.stream()
                .map(rule -> "'" + rule.rule() + "' (" + rule.ruleId() + ", " + rule.file() + ")")
                .collect(Collectors.joining(", "));
        return "The rules did not stop: " + firings + " firings in " + elapsed.toMillis() + " ms reached " + limit
                + (rules.isEmpty() ? "" : "; still firing: " + rules);
    }
}
