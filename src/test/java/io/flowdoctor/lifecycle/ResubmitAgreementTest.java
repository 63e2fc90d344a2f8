package io.flowdoctor.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.TestFiles;
import io.flowdoctor.rulebase.RuleProblem;
import io.flowdoctor.scenario.ScenarioLoader;

/** Each tip's resubmit safety agrees with the resubmit advice of the rules that recommend it. */
class ResubmitAgreementTest {

    @TempDir
    Path workspace;

    @Test
    void aTipWhoseSafetyDisagreesWithItsRulesAdviceIsRejectedNamingRuleAndTip() {
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        Path tips = knowledge.resolve("tips/platform/transient.yaml");
        TestFiles.replace(tips, "  resubmit: safe\n", "  resubmit: never\n");

        RuleBaseRejected e = assertThrows(RuleBaseRejected.class,
                () -> RuleBaseCheck.compileAndCheck(ProjectRuleBase.RULES, knowledge, getClass().getClassLoader()));

        List<String> problems = e.rejection().problems().stream().map(RuleProblem::toString).toList();
        assertTrue(problems.contains("rules/codes/http-status.drl.csv: rule STATUS-003 recommends tip 'transient.resubmit',"
                + " whose resubmit is never, with resubmit advice AUTOMATIC; a never tip fits AFTER_FIX or NOT_ADVISED"),
                String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("knowledge-base/scenarios/platform/transient.yaml: scenario")
                && p.contains("rule TRANSIENT-001 recommends tip 'transient.resubmit' first, whose resubmit is never, but the"
                        + " answer's resubmit advice is AUTOMATIC (rule RESUBMIT-002)")),
                String.join("\n", problems));
    }

    @Test
    void everyTipsResubmitSafetyAgreesWithItsRulesAdvice() {
        List<RuleProblem> problems = ResubmitAgreement.problems(ProjectRuleBase.get(),
                ScenarioLoader.load(ProjectRuleBase.KNOWLEDGE.resolve("scenarios")));
        assertEquals(List.of(), problems.stream().map(RuleProblem::toString).toList());
    }
}
