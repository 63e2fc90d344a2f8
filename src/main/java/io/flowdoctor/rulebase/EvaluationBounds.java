package io.flowdoctor.rulebase;

import java.time.Duration;

/**
 * How far one evaluation of the rules may go. A rule that keeps inserting facts its own conditions match
 * would otherwise fire forever, hold its request thread and fill the heap; the bounds turn it into an
 * answer.
 *
 * @param maxFirings rule firings of one evaluation, both phases together
 * @param timeBudget CPU time of one evaluation (its thread's), after which the session is halted
 */
public record EvaluationBounds(int maxFirings, Duration timeBudget) {

    /**
     * The shipped rules fire a few dozen times per failure; ten thousand firings or two seconds is far above
     * any evaluation that ends and far below one that hurts the service.
     */
    public static final EvaluationBounds DEFAULT = new EvaluationBounds(10_000, Duration.ofSeconds(2));

    public EvaluationBounds {
        if (maxFirings < 1 || timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("bounds must be positive: " + maxFirings + " firings, " + timeBudget);
        }
    }
}
