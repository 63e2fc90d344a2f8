package io.flowdoctor.lifecycle;

import java.util.List;
import java.util.stream.Collectors;

import io.flowdoctor.diagnosis.Diagnoser;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.lifecycle.TerminationProbes.Probe;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleEvaluationOverrun;
import io.flowdoctor.rulebase.RuleProblem;
import io.flowdoctor.rulebase.RuleRef;
import io.flowdoctor.scenario.ScenarioAnswer;

/**
 * Part of the reload gate: every evaluation of the rule base must stop within its bounds, on every
 * scenario's request and on probes built from each rule's own conditions. A rule that loops is named with
 * its file; the gate stops at the first loop, so a rule base that loops everywhere is rejected within two
 * time budgets (an evaluation over its budget is tried once more).
 */
final class RuleTermination {

    private RuleTermination() {
    }

    /** Other failures of the scenarios' evaluations are the scenario check's to report, with the scenario they broke. */
    static List<RuleProblem> problems(RuleBase ruleBase, List<ScenarioAnswer> scenarios) {
        for (ScenarioAnswer answer : scenarios) {
            if (answer.failure() instanceof RuleEvaluationOverrun e) {
                return problems(e, "scenario '" + answer.scenario().name() + "' of " + answer.file().file());
            }
        }
        for (Probe probe : TerminationProbes.of(ruleBase.outlines().values(), ruleBase.knowledge().lexicon())) {
            try {
                Diagnoser.diagnose(ruleBase, probe.run(), Language.EN, probe.history(), Diagnoser.Options.plain());
            } catch (RuleEvaluationOverrun e) {
                return problems(e, probe.name());
            } catch (RuntimeException e) {
                // A probe is not an expectation: only whether its evaluation stops counts here.
            }
        }
        return List.of();
    }

    private static String others(List<RuleRef> looping, RuleRef rule) {
        String others = looping.stream().filter(other -> !other.equals(rule)).map(RuleRef::ruleId)
                .collect(Collectors.joining(", "));
        return others.isEmpty() ? "" : " (with " + others + ")";
    }

    private static List<RuleProblem> problems(RuleEvaluationOverrun e, String on) {
        String limit = e.bound() == RuleEvaluationOverrun.Bound.FIRINGS ? "its firing limit" : "its time budget";
        if (e.looping().isEmpty()) {
            return List.of(new RuleProblem("rules", 0, "the evaluation of " + on + " did not stop within " + limit));
        }
        return e.looping().stream()
                .map(rule -> new RuleProblem(rule.file(), 0, "rule \"" + rule.rule() + "\" (" + rule.ruleId()
                        + ") does not stop: it kept firing" + others(e.looping(), rule) + " until the evaluation of " + on
                        + " reached " + limit + " (" + e.firings() + " firings)"))
                .toList();
    }
}
