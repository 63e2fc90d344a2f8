package io.flowdoctor.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.rulebase.RuleProblem;
import io.flowdoctor.scenario.ScenarioLoader;

/** Each tip's resubmit safety agrees with the resubmit advice of the rules that recommend it. */
class ResubmitAgreementTest {

    @Test
    void everyTipsResubmitSafetyAgreesWithItsRulesAdvice() {
        List<RuleProblem> problems = ResubmitAgreement.problems(ProjectRuleBase.get(),
                ScenarioLoader.load(ProjectRuleBase.KNOWLEDGE.resolve("scenarios")));
        assertEquals(List.of(), problems.stream().map(RuleProblem::toString).toList());
    }
}
