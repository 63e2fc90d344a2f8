package io.flowdoctor.lifecycle;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.TestFiles;
import io.flowdoctor.scenario.ScenarioFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleBaseCheckTest {

    @TempDir
    Path workspace;

    @Test
    void theProjectsRulesPassTheGate() {
        var ruleBase = RuleBaseCheck.compileAndCheck(ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE, getClass().getClassLoader());
        assertEquals(ProjectRuleBase.get().version(), ruleBase.version());
    }

    @Test
    void aRuleThatBreaksAScenarioIsRejectedWithTheScenarioExpectedAndActual() {
        Path rules = TestFiles.copyTree(ProjectRuleBase.RULES, workspace.resolve("rules"));
        TestFiles.replace(rules.resolve("codes/http-status.drl.csv"), "STATUS-004,429,", "STATUS-004,430,");

        RuleBaseRejected e = assertThrows(RuleBaseRejected.class,
                () -> RuleBaseCheck.compileAndCheck(rules, ProjectRuleBase.KNOWLEDGE, getClass().getClassLoader()));

        ScenarioFailure failure = e.rejection().scenarioFailures().stream()
                .filter(f -> f.scenario().equals("A bare 429 is throttling"))
                .findFirst().orElseThrow();
        assertEquals("knowledge-base/scenarios/codes/http-status.yaml", failure.file());
        assertTrue(failure.mismatches().stream().anyMatch(m -> m.field().equals("category")
                && m.expected().equals("THROTTLING") && m.actual().equals("UNKNOWN")), failure.toString());
        assertTrue(e.rejection().problems().isEmpty());
    }

    @Test
    void aRuleThatDoesNotCompileIsRejectedWithFileAndLine() {
        Path rules = TestFiles.copyTree(ProjectRuleBase.RULES, workspace.resolve("rules"));
        TestFiles.replace(rules.resolve("platform/throttling.drl"),
                "FailedAction(errorCode == \"flowrunquotaexceeded\")", "FailedAction(errorCode == )");

        RuleBaseRejected e = assertThrows(RuleBaseRejected.class,
                () -> RuleBaseCheck.compileAndCheck(rules, ProjectRuleBase.KNOWLEDGE, getClass().getClassLoader()));

        assertTrue(e.rejection().problems().stream()
                .anyMatch(p -> p.file().equals("rules/platform/throttling.drl") && p.line() > 0), e.getMessage());
        assertTrue(e.rejection().scenarioFailures().isEmpty());
    }
}
