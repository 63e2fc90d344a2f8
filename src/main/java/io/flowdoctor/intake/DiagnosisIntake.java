package io.flowdoctor.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.diagnosis.Diagnoser;
import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.diagnosis.FailureHistory;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.history.AuditService;
import io.flowdoctor.history.EscalationService;
import io.flowdoctor.history.FlowStates;
import io.flowdoctor.history.IncidentService;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.lifecycle.RuleCatalog;
import io.flowdoctor.notify.RepairTipsNotifier;
import io.flowdoctor.rulebase.ActiveRuleBase;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleRef;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Takes in a failed run, from whichever door it came: one transaction per diagnosis, once the flow's row
 * exists. The failure is counted in the flow's incident, the rules see that history, and the answer, its
 * audit, any escalation case and any repair-tips e-mail to the owner are stored together or not at all.
 */
@ApplicationScoped
public class DiagnosisIntake {

    private final ActiveRuleBase ruleBase;
    private final FlowStates flowStates;
    private final IncidentService incidents;
    private final AuditService audit;
    private final EscalationService escalations;
    private final RepairTipsNotifier notifier;
    private final FlowDoctorConfig config;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final Timer latency;

    public DiagnosisIntake(ActiveRuleBase ruleBase, FlowStates flowStates, IncidentService incidents, AuditService audit,
            EscalationService escalations, RepairTipsNotifier notifier, FlowDoctorConfig config,
            ObjectMapper json, MeterRegistry registry) {
        this.ruleBase = ruleBase;
        this.flowStates = flowStates;
        this.incidents = incidents;
        this.audit = audit;
        this.escalations = escalations;
        this.notifier = notifier;
        this.config = config;
        this.json = json;
        this.registry = registry;
        this.latency = Timer.builder("flowdoctor.diagnosis").description("Time to diagnose one failed run")
                .publishPercentileHistogram().register(registry);
    }

    public Diagnosis diagnose(RunReport report, Language language, boolean explain) {
        Timer.Sample sample = Timer.start(registry);
        Callable<Optional<Diagnosis>> inTransaction = () -> diagnoseAndRecord(report, language, explain);
        // Never inside another transaction: that one would hold a second connection of the pool.
        Optional<Diagnosis> diagnosis = QuarkusTransaction.disallowingExisting().call(inTransaction);
        if (diagnosis.isEmpty()) {
            // The flow's first failure: its row is created on its own, then it is diagnosed like any other.
            flowStates.ensureExists(report.flowId());
            diagnosis = QuarkusTransaction.disallowingExisting().call(inTransaction);
        }
        Diagnosis answer = diagnosis.orElseThrow(
                () -> new IllegalStateException("Flow " + report.flowId() + " has no row after it was created"));
        count(answer);
        sample.stop(latency);
        return answer;
    }

    /** Empty, with nothing written, when the flow has no row yet. */
    private Optional<Diagnosis> diagnoseAndRecord(RunReport report, Language language, boolean explain) {
        UUID diagnosisId = UUID.randomUUID();
        Instant failedAt = Objects.requireNonNullElseGet(report.failedAt(), Instant::now);
        RunReport dated = report.failedAt(failedAt);

        RuleBase rules = ruleBase.current();
        Optional<FailureHistory> history = incidents.recordFailure(dated.flowId(), dated.runId(), failedAt, diagnosisId);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        String resubmitUrl = config.resubmitUrlTemplate().flatMap(template -> ResubmitLink.of(template, dated)).orElse(null);
        Diagnosis diagnosis = Diagnoser.diagnose(rules, dated, language, history.get(),
                new Diagnoser.Options(diagnosisId, resubmitUrl, explain));

        audit.record(AuditRecords.entry(dated, diagnosis, json));
        if (diagnosis.escalation().level().opensCase()) {
            escalations.openOrRepeat(dated.flowId(), AuditRecords.signature(diagnosis, dated),
                    diagnosis.escalation().level().name(),
                    diagnosis.escalation().reason(), diagnosisId, Instant.now());
        }
        notifier.onDiagnosis(rules.knowledge(), FailureNotices.of(dated, diagnosis));
        return Optional.of(diagnosis);
    }

    private void count(Diagnosis diagnosis) {
        registry.counter("flowdoctor.diagnoses", "category", diagnosis.category().name(),
                "escalation", diagnosis.escalation().level().name()).increment();
        for (RuleRef rule : diagnosis.firedRules()) {
            registry.counter(RuleCatalog.RULES_FIRED, "rule", rule.ruleId()).increment();
        }
    }
}
