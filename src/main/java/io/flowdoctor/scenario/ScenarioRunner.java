package io.flowdoctor.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.flowdoctor.diagnosis.Diagnoser;
import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.diagnosis.FailureHistory;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleRef;

/** Runs a scenario against a rule base and lists every way the diagnosis differs from what was expected. */
public final class ScenarioRunner {

    /** Scenarios without a failure time fail at this fixed moment, so that answers repeat exactly. */
    static final Instant DEFAULT_FAILED_AT = Instant.parse("2026-01-15T09:30:00Z");

    private ScenarioRunner() {
    }

    public static Diagnosis diagnose(RuleBase ruleBase, Scenario scenario) {
        RunReport request = scenario.request();
        Instant failedAt = Objects.requireNonNullElse(request.failedAt(), DEFAULT_FAILED_AT);
        RunReport dated = new RunReport(request.flowId(), request.flowName(), request.environmentId(), request.runId(),
                failedAt, request.owner(), request.actions(), request.product(), request.timeZone());
        FailureHistory given = scenario.history();
        FailureHistory history = given == null ? FailureHistory.first(failedAt)
                : given.firstFailedAt() == null ? new FailureHistory(given.failureCount(), failedAt, given.failuresInLastHour())
                        : given;
        Language language = Language.resolve(scenario.locale(), null);
        return Diagnoser.diagnose(ruleBase, dated, language, history, Diagnoser.Options.plain());
    }

    /** Every case of every file that does not hold, with each way it differs. */
    public static List<ScenarioFailure> failures(RuleBase ruleBase, List<ScenarioFile> files) {
        return failures(ScenarioAnswer.of(ruleBase, files));
    }

    /** Every answer that does not meet its scenario's expectations, with each way it differs. */
    public static List<ScenarioFailure> failures(List<ScenarioAnswer> answers) {
        List<ScenarioFailure> failures = new ArrayList<>();
        for (ScenarioAnswer answer : answers) {
            List<Mismatch> mismatches = mismatches(answer);
            if (!mismatches.isEmpty()) {
                failures.add(new ScenarioFailure(answer.file().file(), answer.scenario().name(), mismatches));
            }
        }
        return failures;
    }

    /** Empty when the diagnosis meets every expectation. */
    public static List<Mismatch> mismatches(RuleBase ruleBase, Scenario scenario) {
        return mismatches(ScenarioAnswer.of(ruleBase, null, scenario));
    }

    private static List<Mismatch> mismatches(ScenarioAnswer answer) {
        if (answer.failure() != null) {
            return List.of(new Mismatch("diagnosis", "an answer", "failure: " + answer.failure()));
        }
        Diagnosis diagnosis = answer.diagnosis();
        Scenario.Expectation expect = answer.scenario().expect();
        List<Mismatch> mismatches = new ArrayList<>();
        Set<String> fired = diagnosis.firedRules().stream().map(RuleRef::ruleId).collect(Collectors.toSet());
        String primaryRule = diagnosis.findings().isEmpty() ? null : diagnosis.findings().get(0).ruleId();

        check(mismatches, "category", expect.category(), diagnosis.category());
        check(mismatches, "primaryRule", expect.primaryRule(), primaryRule);
        check(mismatches, "resubmit", expect.resubmit(), diagnosis.resubmit().advice());
        check(mismatches, "delaySeconds", expect.delaySeconds(), diagnosis.resubmit().delaySeconds());
        check(mismatches, "maxAttempts", expect.maxAttempts(), diagnosis.resubmit().maxAttempts());
        check(mismatches, "escalation", expect.escalation(), diagnosis.escalation().level());
        for (String ruleId : expect.fired()) {
            if (!fired.contains(ruleId)) {
                mismatches.add(new Mismatch("fired", ruleId + " fires", "fired " + sorted(fired)));
            }
        }
        for (String ruleId : expect.notFired()) {
            if (fired.contains(ruleId)) {
                mismatches.add(new Mismatch("notFired", ruleId + " stays silent", "fired " + sorted(fired)));
            }
        }
        List<String> tips = diagnosis.recommendations().stream().map(Diagnosis.RecommendationItem::tipId).toList();
        if (!inOrder(expect.tips(), tips)) {
            mismatches.add(new Mismatch("tips", expect.tips() + " in this order", tips.toString()));
        }
        if (expect.whatHappenedContains() != null && !diagnosis.whatHappened().contains(expect.whatHappenedContains())) {
            mismatches.add(new Mismatch("whatHappened", "contains '" + expect.whatHappenedContains() + "'",
                    "'" + diagnosis.whatHappened() + "'"));
        }
        return mismatches;
    }

    private static void check(List<Mismatch> mismatches, String field, Object expected, Object actual) {
        if (expected != null && !expected.equals(actual)) {
            mismatches.add(new Mismatch(field, String.valueOf(expected), String.valueOf(actual)));
        }
    }

    private static boolean inOrder(List<String> expected, List<String> actual) {
        int from = 0;
        for (String tip : expected) {
            int found = actual.subList(from, actual.size()).indexOf(tip);
            if (found < 0) {
                return false;
            }
            from += found + 1;
        }
        return true;
    }

    private static List<String> sorted(Set<String> ids) {
        return ids.stream().sorted().toList();
    }
}
