package io.flowdoctor.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.flowdoctor.diagnosis.Category;
import io.flowdoctor.scenario.CorpusEvaluation.Outcome;

/** The figures of ./check-rules --evaluate, worked out by hand on five failures. */
class EvaluationReportTest {

    private static final EvaluationReport REPORT = new EvaluationReport("test", List.of(
            // labelled category, resubmit succeeds, support only | answered category, resubmit advised, support now, when back
            outcome("A", Category.TRANSIENT, true, false, Category.TRANSIENT, true, false, false),
            outcome("B", Category.TRANSIENT, true, true, Category.UNKNOWN, false, false, true),
            outcome("C", Category.UNKNOWN, false, true, Category.UNKNOWN, false, true, true),
            outcome("D", Category.DATA, false, false, Category.DATA, false, false, false),
            outcome("E", Category.DATA, false, false, Category.ACTION_CONFIGURATION, true, true, true)));

    @Test
    void categoryAccuracyIsTheShareInTheirLabelledCategoryOverallAndPerCategory() {
        assertEquals(3 / 5.0, REPORT.categoryAccuracy(), 1e-9);
        assertEquals(Map.of(Category.TRANSIENT, 0.5, Category.UNKNOWN, 1.0, Category.DATA, 0.5), REPORT.accuracyPerCategory());
        assertEquals(List.of(Map.entry("DATA -> ACTION_CONFIGURATION", 1L), Map.entry("TRANSIENT -> UNKNOWN", 1L)),
                REPORT.confusionPairs());
    }

    @Test
    void resubmitBalancedAccuracyAveragesTheRecallOfBothLabels() {
        // Would succeed: A advised, B not (1/2). Would not: C and D not advised, E advised (2/3).
        assertEquals((1 / 2.0 + 2 / 3.0) / 2, REPORT.resubmitBalancedAccuracy(), 1e-9);
    }

    @Test
    void supportIsJudgedOnTheFirstFailureAndAgainWhenItComesBack() {
        // First failure: C and E sent, C only support can fix; of B and C, C sent.
        assertEquals(1 / 2.0, REPORT.supportPrecision(), 1e-9);
        assertEquals(1 / 2.0, REPORT.supportRecall(), 1e-9);
        // Back again: B, C and E sent, B and C only support can fix; both sent.
        assertEquals(2 / 3.0, REPORT.supportPrecisionWhenBack(), 1e-9);
        assertEquals(1.0, REPORT.supportRecallWhenBack(), 1e-9);
        String printed = REPORT.print(false);
        assertTrue(printed.contains("support precision            0.500  (2 sent to support)"), printed);
        assertTrue(printed.contains("when the failure comes back"), printed);
        assertTrue(printed.contains("support precision          0.667  (3 sent to support)"), printed);
    }

    @Test
    void theMissesListEverySupportMissForTheFirstFailureAndWhenItComesBack() {
        List<String> lines = REPORT.print(true).lines().toList();
        int first = lines.indexOf("  support misses (labelled: only support can fix / sent to support without it):");
        int back = lines.indexOf("  support misses when the failure comes back:");
        assertEquals(
                List.of("    B not sent, UNKNOWN (RULE-B): message B",
                        "    E sent without it, ACTION_CONFIGURATION (RULE-E): message E"),
                lines.subList(first + 1, back));
        assertEquals(List.of("    E sent without it, ACTION_CONFIGURATION (RULE-E): message E"),
                lines.subList(back + 1, lines.size()));
    }

    @Test
    void theMissesNameTheRulesThatDecidedWronglyWithHowOftenTheyWereRight() {
        EvaluationReport report = new EvaluationReport("development", List.of(
                outcome("A", Category.DATA, false, false, Category.DATA, false, false, false, "SIG-1"),
                outcome("B", Category.TRANSIENT, true, false, Category.DATA, false, false, false, "SIG-1"),
                outcome("C", Category.UNKNOWN, false, false, Category.DATA, false, false, false, "SIG-1"),
                outcome("D", Category.DATA, false, false, Category.ACTION_CONFIGURATION, false, false, false, "SIG-2"),
                outcome("E", Category.TIMEOUT, true, false, Category.TIMEOUT, true, false, false, "SIG-3")));
        assertEquals(List.of(new EvaluationReport.RuleTally("SIG-1", 3, 1), new EvaluationReport.RuleTally("SIG-2", 1, 0)),
                report.decidingRulesThatMissed());
        List<String> lines = report.print(true).lines().toList();
        int table = lines.indexOf("  deciding rules that missed (misses, right of decided):");
        assertEquals(List.of("      2  SIG-1            1 of 3", "      1  SIG-2            0 of 1",
                "  misses (0 whose labelled category a rule found but another outranked):"),
                lines.subList(table + 1, table + 4));
    }

    @Test
    void aMissWhoseLabelledCategoryWasFoundButOutrankedNamesThatRule() {
        LabelledFailure failure = new LabelledFailure("F", "https://example.org/F", "power-automate", null, null, null,
                null, "message F", "en", new LabelledFailure.Label(Category.DATA, false, false), null);
        EvaluationReport report = new EvaluationReport("development", List.of(
                new Outcome(failure, Category.ACTION_CONFIGURATION, false, false, false, "SIG-2", "SIG-7"),
                outcome("G", Category.DATA, false, false, Category.UNKNOWN, false, false, false, "UNKNOWN-001")));
        List<String> lines = report.print(true).lines().toList();
        int misses = lines.indexOf("  misses (1 whose labelled category a rule found but another outranked):");
        assertEquals(List.of("    F DATA -> ACTION_CONFIGURATION (SIG-2; outranked SIG-7): message F",
                "    G DATA -> UNKNOWN (UNKNOWN-001): message G"), lines.subList(misses + 1, misses + 3));
    }

    private static Outcome outcome(String id, Category labelled, boolean resubmitSucceeds, boolean supportOnly,
            Category answered, boolean resubmitAdvised, boolean supportCalled, boolean supportCalledWhenBack, String rule) {
        LabelledFailure failure = new LabelledFailure(id, "https://example.org/" + id, "power-automate", null, null, null,
                null, "message " + id, "en", new LabelledFailure.Label(labelled, resubmitSucceeds, supportOnly), null);
        return new Outcome(failure, answered, resubmitAdvised, supportCalled, supportCalledWhenBack, rule, null);
    }

    private static Outcome outcome(String id, Category labelled, boolean resubmitSucceeds, boolean supportOnly,
            Category answered, boolean resubmitAdvised, boolean supportCalled, boolean supportCalledWhenBack) {
        return outcome(id, labelled, resubmitSucceeds, supportOnly, answered, resubmitAdvised, supportCalled,
                supportCalledWhenBack, "RULE-" + id);
    }
}
