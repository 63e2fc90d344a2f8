package io.flowdoctor.diagnosis;

import io.flowdoctor.knowledge.Language;
import io.flowdoctor.rulebase.ActiveRuleBase;
import io.flowdoctor.rulebase.RuleRef;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Objects;

/** Diagnoses failed runs with the rule base that is active when the request arrives, and counts what it concludes. */
@ApplicationScoped
public class DiagnosisService {

    /** Counter of fired rules, tagged by rule id; the rule catalog reads it back. */
    public static final String RULES_FIRED = "flowdoctor.rules.fired";

    private final ActiveRuleBase ruleBase;
    private final MeterRegistry registry;
    private final Timer latency;

    public DiagnosisService(ActiveRuleBase ruleBase, MeterRegistry registry) {
        this.ruleBase = ruleBase;
        this.registry = registry;
        this.latency = Timer.builder("flowdoctor.diagnosis").description("Time to diagnose one failed run")
                .publishPercentileHistogram().register(registry);
    }

    public Diagnosis diagnose(RunReport report, Language language, boolean explain) {
        Timer.Sample sample = Timer.start(registry);
        Instant failedAt = Objects.requireNonNullElseGet(report.failedAt(), Instant::now);
        RunReport dated = new RunReport(report.flowId(), report.flowName(), report.environmentId(), report.runId(),
                failedAt, report.owner(), report.actions());
        // Until failures are recorded, every failure is the first of its incident.
        FailureHistory history = new FailureHistory(1, failedAt);
        Diagnosis diagnosis = Diagnoser.diagnose(ruleBase.current(), dated, language, history, explain);
        count(diagnosis);
        sample.stop(latency);
        return diagnosis;
    }

    private void count(Diagnosis diagnosis) {
        registry.counter("flowdoctor.diagnoses", "category", diagnosis.category().name(),
                "escalation", diagnosis.escalation().level().name()).increment();
        for (RuleRef rule : diagnosis.firedRules()) {
            registry.counter(RULES_FIRED, "rule", rule.ruleId()).increment();
        }
    }
}
