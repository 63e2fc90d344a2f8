package io.flowdoctor.lifecycle;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flowdoctor.diagnosis.Diagnoser;
import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.diagnosis.Diagnosis.Explanation;
import io.flowdoctor.diagnosis.Diagnosis.FindingItem;
import io.flowdoctor.diagnosis.Diagnosis.RecommendationItem;
import io.flowdoctor.diagnosis.FailureHistory;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.scenario.RequestFile;

/**
 * {@code ./check-rules --diagnose FILE}: the diagnosis a request file would get, without a server or a
 * database. It takes the service's path (the same {@link Diagnoser}, with the explanation of every fired rule)
 * and diagnoses the run as the first failure of its flow: no history, failure count 1.
 */
final class OfflineDiagnosis {

    private OfflineDiagnosis() {
    }

    static Diagnosis of(RuleBase ruleBase, RequestFile request) {
        RunReport run = request.runFailedAtOrNow();
        return Diagnoser.diagnose(ruleBase, run, Language.resolve(request.locale(), null),
                FailureHistory.first(run.failedAt()), new Diagnoser.Options(UUID.randomUUID(), null, true));
    }

    /** The answer for a reader: what the API answers, then per fired rule why it fired. */
    static String print(RequestFile request, Diagnosis diagnosis) {
        StringBuilder out = new StringBuilder();
        line(out, "Diagnosis of %s (rule set %s, language %s; a first failure: failure count 1, no history)",
                request.path(), diagnosis.ruleSetVersion(), diagnosis.locale());
        line(out, "Failed action:   %s", diagnosis.failedAction());
        line(out, "Category:        %s", diagnosis.category());
        line(out, "What happened:   %s", diagnosis.whatHappened());
        line(out, "Findings (the first is the primary one):");
        for (FindingItem finding : diagnosis.findings()) {
            line(out, "  %s by %s (%s) %s: %s", finding.category(), finding.ruleId(), finding.specificity(),
                    quoted(finding.rule()), finding.evidence());
        }
        line(out, "Recommendations:");
        for (RecommendationItem tip : diagnosis.recommendations()) {
            line(out, "  %s (tip %s, rule %s)", tip.title(), tip.tipId(), tip.ruleId());
            for (int step = 0; step < tip.steps().size(); step++) {
                line(out, "    %d. %s", step + 1, tip.steps().get(step));
            }
        }
        var resubmit = diagnosis.resubmit();
        line(out, "Resubmit:        %s%s%s (rule %s)", resubmit.advice(),
                resubmit.delaySeconds() == null ? "" : ", after " + resubmit.delaySeconds() + " s",
                resubmit.maxAttempts() == null ? "" : ", at most " + resubmit.maxAttempts() + " attempts",
                resubmit.ruleId());
        var escalation = diagnosis.escalation();
        line(out, "Escalation:      %s: %s (rule %s)", escalation.level(), escalation.reason(), escalation.ruleId());
        line(out, "Fired rules, and why:");
        for (Explanation why : diagnosis.explanation()) {
            line(out, "  %s %s (%s)", why.ruleId(), quoted(why.rule()), why.file());
            why.matched().forEach(fact -> line(out, "    matched %s%s", fact.fact(), values(fact.values())));
            if (why.evidence() != null) {
                line(out, "    evidence: %s", why.evidence());
            }
            why.concluded().forEach(concluded -> line(out, "    concluded %s", concluded));
        }
        return out.toString();
    }

    /** Only the values a reader needs: empty ones are left out. */
    private static String values(Map<String, Object> values) {
        return values.entrySet().stream()
                .filter(value -> value.getValue() != null && !"".equals(value.getValue()))
                .map(value -> value.getKey() + "=" + value.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static void line(StringBuilder out, String format, Object... arguments) {
        out.append(String.format(format, arguments)).append('\n');
    }
}
