package io.flowdoctor.diagnosis;

import io.flowdoctor.knowledge.Language;
import io.flowdoctor.rulebase.ActiveRuleBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Objects;

/** Diagnoses failed runs with the rule base that is active when the request arrives. */
@ApplicationScoped
public class DiagnosisService {

    private final ActiveRuleBase ruleBase;

    public DiagnosisService(ActiveRuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    public Diagnosis diagnose(RunReport report, Language language) {
        Instant failedAt = Objects.requireNonNullElseGet(report.failedAt(), Instant::now);
        RunReport dated = new RunReport(report.flowId(), report.flowName(), report.environmentId(), report.runId(),
                failedAt, report.owner(), report.actions());
        // Until failures are recorded, every failure is the first of its incident.
        FailureHistory history = new FailureHistory(1, failedAt);
        return Diagnoser.diagnose(ruleBase.current(), dated, language, history);
    }
}
