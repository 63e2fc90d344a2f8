package io.flowdoctor.scenario;

import java.util.List;

import io.flowdoctor.diagnosis.Category;
import io.flowdoctor.diagnosis.EscalationLevel;
import io.flowdoctor.diagnosis.FailureHistory;
import io.flowdoctor.diagnosis.Resubmit;
import io.flowdoctor.diagnosis.RunReport;

/**
 * One case of knowledge-base/scenarios: a failed run and what the diagnosis must say about it. Every
 * expectation left out is not checked.
 *
 * @param source where the failure comes from (an article, a public issue thread, the seed)
 * @param locale the caller's language; English when missing
 * @param history the failure history; a first failure when missing, and the run's failure time when it names no first
 */
public record Scenario(String name, String source, String locale, FailureHistory history, RunReport request,
        Expectation expect) {

    /**
     * @param fired rule ids that must fire
     * @param notFired rule ids that must not fire
     * @param tips tip ids that must be recommended, in this order (others may come between)
     */
    public record Expectation(
            Category category,
            String primaryRule,
            List<String> fired,
            List<String> notFired,
            List<String> tips,
            Resubmit resubmit,
            Integer delaySeconds,
            Integer maxAttempts,
            EscalationLevel escalation,
            String whatHappenedContains) {

        public Expectation {
            fired = fired == null ? List.of() : List.copyOf(fired);
            notFired = notFired == null ? List.of() : List.copyOf(notFired);
            tips = tips == null ? List.of() : List.copyOf(tips);
        }
    }
}
