package io.flowdoctor.scenario;

import java.util.ArrayList;
import java.util.List;

import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.rulebase.RuleBase;

/**
 * A scenario's answer from one evaluation: the diagnosis, or the exception the evaluation ended in. The gate's
 * checks (termination, expectations, resubmit agreement) all read the same answers, so each scenario is diagnosed
 * once per rule base.
 */
public record ScenarioAnswer(ScenarioFile file, Scenario scenario, Diagnosis diagnosis, RuntimeException failure) {

    /** Every case of every file, diagnosed once, in file order. */
    public static List<ScenarioAnswer> of(RuleBase ruleBase, List<ScenarioFile> files) {
        List<ScenarioAnswer> answers = new ArrayList<>();
        for (ScenarioFile file : files) {
            for (Scenario scenario : file.cases()) {
                answers.add(of(ruleBase, file, scenario));
            }
        }
        return answers;
    }

    static ScenarioAnswer of(RuleBase ruleBase, ScenarioFile file, Scenario scenario) {
        try {
            return new ScenarioAnswer(file, scenario, ScenarioRunner.diagnose(ruleBase, scenario), null);
        } catch (RuntimeException e) {
            return new ScenarioAnswer(file, scenario, null, e);
        }
    }
}
