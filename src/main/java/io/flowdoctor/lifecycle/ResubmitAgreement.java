package io.flowdoctor.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.knowledge.KnowledgeBase;
import io.flowdoctor.knowledge.ResubmitSafety;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleOutline;
import io.flowdoctor.rulebase.RuleProblem;
import io.flowdoctor.scenario.ScenarioAnswer;

/**
 * A tip's resubmit safety agrees with the resubmit advice its rules give (see ResubmitSafety#fits): a decision table's
 * row names both, so each row is checked as written; a DRL rule's advice comes from the advice rules, so its tips are
 * checked on the answers to the scenarios, the first tip against the answer's advice. An answer that advises against
 * resubmitting may lead with a tip that is safe for its cause when the rule that advised against it added a tip that is
 * not (resubmitting from a safe point after a step that already changed something).
 */
final class ResubmitAgreement {

    private ResubmitAgreement() {
    }

    /** A scenario whose evaluation failed is the scenario check's to report. */
    static List<RuleProblem> problems(RuleBase ruleBase, List<ScenarioAnswer> scenarios) {
        KnowledgeBase knowledge = ruleBase.knowledge();
        List<RuleProblem> problems = new ArrayList<>(tableRows(ruleBase, knowledge));
        // One problem per rule, tip and advice, at the first scenario that shows it.
        Map<String, RuleProblem> byPair = new LinkedHashMap<>();
        for (ScenarioAnswer scenario : scenarios) {
            Diagnosis answer = scenario.diagnosis();
            if (answer == null || answer.recommendations().isEmpty()) {
                continue;
            }
            Diagnosis.RecommendationItem first = answer.recommendations().get(0);
            ResubmitSafety safety = knowledge.tip(first.tipId()).resubmit();
            String advice = answer.resubmit().advice().name();
            if (!safety.fits(advice) && !cautionGiven(answer, knowledge)) {
                String key = first.ruleId() + " " + first.tipId() + " " + advice;
                byPair.putIfAbsent(key,
                        new RuleProblem(scenario.file().file(), 0, "scenario '" + scenario.scenario().name() + "': rule "
                                + first.ruleId() + " recommends tip '" + first.tipId() + "' first, whose resubmit is "
                                + safety.code() + ", but the answer's resubmit advice is " + advice
                                + (answer.resubmit().ruleId() == null ? "" : " (rule " + answer.resubmit().ruleId() + ")")
                                + "; a " + safety.code() + " tip fits " + safety.fitting()));
            }
        }
        problems.addAll(byPair.values());
        return problems;
    }

    private static boolean cautionGiven(Diagnosis answer, KnowledgeBase knowledge) {
        return answer.resubmit().advice().name().equals("NOT_ADVISED") && answer.recommendations().stream()
                .anyMatch(tip -> knowledge.tip(tip.tipId()).resubmit() != ResubmitSafety.SAFE);
    }

    /** Each row of a decision table that names a tip and a resubmit advice that disagree. */
    private static List<RuleProblem> tableRows(RuleBase ruleBase, KnowledgeBase knowledge) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleOutline outline : ruleBase.outlines().values()) {
            String file = outline.rule().file();
            if (file == null || !file.endsWith(".drl.csv")) {
                continue;
            }
            for (String tipId : outline.tips()) {
                if (!knowledge.hasTip(tipId)) {
                    continue; // the compiler reports it
                }
                ResubmitSafety safety = knowledge.tip(tipId).resubmit();
                for (String advice : outline.resubmit()) {
                    if (!safety.fits(advice)) {
                        problems.add(new RuleProblem(file, 0, "rule " + outline.rule().ruleId() + " recommends tip '" + tipId
                                + "', whose resubmit is " + safety.code() + ", with resubmit advice " + advice + "; a "
                                + safety.code() + " tip fits " + safety.fitting()));
                    }
                }
            }
        }
        problems.sort(java.util.Comparator.comparing(RuleProblem::toString));
        return problems;
    }
}
