package io.flowdoctor.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.TestFiles;
import io.flowdoctor.rulebase.RuleProblem;
import io.flowdoctor.scenario.ScenarioFailure;

/** ./check-rules reports every kind of problem at once: a compile error does not hide a failing scenario. */
class RuleSetCheckTest {

    private static final Path SAMPLES = Path.of("samples");

    @TempDir
    Path workspace;

    @Test
    void theProjectPassesEveryCheck() {
        RuleSetCheck.Report report = RuleSetCheck.run(ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE, SAMPLES,
                getClass().getClassLoader());

        assertEquals(List.of(), report.problems());
        assertEquals(List.of(), report.scenarioFailures());
        assertEquals(List.of(), report.sampleFailures());
        assertTrue(report.allWell());
    }

    @Test
    void aCompileErrorAndAFailingScenarioOfAnotherFamilyAreReportedTogether() {
        Path rules = TestFiles.copyTree(ProjectRuleBase.RULES, workspace.resolve("rules"));
        TestFiles.replace(rules.resolve("platform/throttling.drl"), "FailedAction(errorCode == \"flowrunquotaexceeded\")",
                "FailedAction(errorCod == \"flowrunquotaexceeded\")");
        TestFiles.replace(rules.resolve("connectors/office365users.drl"),
                "operation in (\"manager\", \"manager_v2\"), statusCode == 404",
                "operation in (\"manager\", \"manager_v2\"), statusCode == 410");

        RuleSetCheck.Report report = RuleSetCheck.run(rules, ProjectRuleBase.KNOWLEDGE, SAMPLES, getClass().getClassLoader());

        assertTrue(report.problems().stream().anyMatch(problem -> problem.file().equals("rules/platform/throttling.drl")
                && problem.line() == 26
                && problem.message().startsWith("FailedAction has no field `errorCod`; did you mean `errorCode`?")),
                report.problems().toString());
        ScenarioFailure manager = report.scenarioFailures().stream()
                .filter(failure -> failure.scenario().equals("Get manager 404 without a message")).findFirst()
                .orElseThrow(() -> new AssertionError(report.scenarioFailures().toString()));
        assertEquals("knowledge-base/scenarios/connectors/office365users.yaml", manager.file());
        assertTrue(report.scenarioFailures().stream().noneMatch(f -> f.file().endsWith("platform/throttling.yaml")),
                "the broken family's own scenarios are left out");
        assertTrue(report.notes().contains("the scenarios of knowledge-base/scenarios/platform/throttling.yaml did not run:"
                + " their rules do not compile"), report.notes().toString());
        assertTrue(report.problems().contains(new RuleProblem("rules/connectors/office365users.drl", 13,
                "rule O365U-001 fires in no scenario: add a case to its family's scenarios that makes it fire")),
                report.problems().toString());
        assertEquals(List.of("samples/connectors-office365users-no-manager.json"),
                report.sampleFailures().stream().map(ScenarioFailure::file).toList());
    }
}
