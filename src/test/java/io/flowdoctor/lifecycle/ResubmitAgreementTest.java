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
import io.flowdoctor.scenario.ScenarioAnswer;
import io.flowdoctor.scenario.ScenarioLoader;

/** Each tip's resubmit safety agrees with the resubmit advice of the rules that recommend it. */
class ResubmitAgreementTest {

    @TempDir
    Path workspace;

    @Test
    void aTipWhoseSafetyDisagreesWithItsRulesAdviceIsRejectedNamingRuleAndTip() {
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        Path tips = knowledge.resolve("tips/platform/throttling.yaml");
        // throttling.wait, the file's first tip, is safe: made "never" it contradicts the rules that retry throttled calls.
        TestFiles.replace(tips, "  resubmit: safe\n", "  resubmit: never\n");

        RuleBaseRejected e = assertThrows(RuleBaseRejected.class,
                () -> RuleBaseCheck.compileAndCheck(ProjectRuleBase.RULES, knowledge, getClass().getClassLoader()));

        List<String> problems = e.rejection().problems().stream().map(RuleProblem::toString).toList();
        assertTrue(problems.contains("rules/codes/http-status.drl.csv: rule STATUS-004 recommends tip 'throttling.wait',"
                + " whose resubmit is never, with resubmit advice AUTOMATIC; a never tip fits AFTER_FIX or NOT_ADVISED"),
                String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("knowledge-base/scenarios/")
                && p.contains("recommends tip 'throttling.wait' first, whose resubmit is never, but the answer's resubmit"
                        + " advice is AUTOMATIC")),
                String.join("\n", problems));
    }

    @Test
    void everyTipsResubmitSafetyAgreesWithItsRulesAdvice() {
        List<RuleProblem> problems = ResubmitAgreement.problems(ProjectRuleBase.get(), ScenarioAnswer.of(ProjectRuleBase.get(),
                ScenarioLoader.load(ProjectRuleBase.KNOWLEDGE.resolve("scenarios"))));
        assertEquals(List.of(), problems.stream().map(RuleProblem::toString).toList());
    }
}
