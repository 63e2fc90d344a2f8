package io.flowdoctor.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.flowdoctor.diagnosis.Category;
import io.flowdoctor.diagnosis.Diagnoser;
import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.diagnosis.EscalationLevel;
import io.flowdoctor.diagnosis.FailureHistory;
import io.flowdoctor.diagnosis.Resubmit;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.rulebase.RuleBase;

/**
 * Diagnoses every failure of an evaluation split as a first failure of its flow and compares the answer
 * with the labels: the category, whether resubmitting is advised (NOW or AUTOMATIC) where a resubmit
 * would succeed, and whether support is called where only support can help. Support is judged a second time on the
 * same failure coming back: escalation rests on the failure history, which a first failure does not have.
 */
public final class CorpusEvaluation {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Instant FAILED_AT = Instant.parse("2026-01-15T09:30:00Z");
    /** The same failure a third time within the hour, each time after the platform's own retries. */
    private static final FailureHistory CAME_BACK = new FailureHistory(3, FAILED_AT.minus(Duration.ofMinutes(40)), 3);

    /**
     * One failure, what it was labelled and what the rule base answered.
     *
     * @param supportCalledWhenBack whether support is called when the same failure comes back ({@link #CAME_BACK})
     * @param labelledRankedLower the rule of a finding of the labelled category that another finding outranked, or null:
     *        some evidence (a wording, a code, a status) pointed the right way, and the precedence weighed it lower
     */
    public record Outcome(LabelledFailure failure, Category category, boolean resubmitAdvised, boolean supportCalled,
            boolean supportCalledWhenBack, String primaryRule, String labelledRankedLower) {

        public boolean categoryRight() {
            return failure.label().category() == category;
        }
    }

    private CorpusEvaluation() {
    }

    public static EvaluationSplit load(Path file) {
        try {
            return YAML.readValue(file.toFile(), EvaluationSplit.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the evaluation split " + file, e);
        }
    }

    public static EvaluationReport evaluate(RuleBase ruleBase, EvaluationSplit split) {
        List<Outcome> outcomes = new ArrayList<>();
        for (LabelledFailure failure : split.cases()) {
            Diagnosis diagnosis = diagnose(ruleBase, failure, FailureHistory.first(FAILED_AT));
            outcomes.add(new Outcome(failure, diagnosis.category(),
                    diagnosis.resubmit().advice() == Resubmit.NOW || diagnosis.resubmit().advice() == Resubmit.AUTOMATIC,
                    diagnosis.escalation().level() == EscalationLevel.SUPPORT,
                    diagnose(ruleBase, failure, CAME_BACK).escalation().level() == EscalationLevel.SUPPORT,
                    diagnosis.findings().isEmpty() ? null : diagnosis.findings().get(0).ruleId(),
                    rankedLower(diagnosis, failure.label().category())));
        }
        return new EvaluationReport(split.split(), outcomes);
    }

    private static String rankedLower(Diagnosis diagnosis, Category labelled) {
        return diagnosis.category() == labelled ? null
                : diagnosis.findings().stream().skip(1).filter(finding -> finding.category() == labelled)
                        .map(Diagnosis.FindingItem::ruleId).findFirst().orElse(null);
    }

    static Diagnosis diagnose(RuleBase ruleBase, LabelledFailure failure, FailureHistory history) {
        RunReport.ReportedAction action = new RunReport.ReportedAction(
                Objects.requireNonNullElse(failure.operation(), "Failed step"), "Failed", failure.connector(),
                failure.operation(), failure.statusCode(), failure.errorCode(), failure.message());
        RunReport run = new RunReport("evaluation-" + failure.id(), null, null, null, FAILED_AT, null, List.of(action));
        return Diagnoser.diagnose(ruleBase, run, Language.resolve(failure.language(), null), history,
                Diagnoser.Options.plain());
    }
}
