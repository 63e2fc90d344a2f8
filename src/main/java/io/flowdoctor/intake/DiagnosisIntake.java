package io.flowdoctor.intake;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.Instants;
import io.flowdoctor.diagnosis.Diagnoser;
import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.diagnosis.FailureHistory;
import io.flowdoctor.diagnosis.Gaps;
import io.flowdoctor.diagnosis.Normalizer;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.diagnosis.RunReport.ReportedAction;
import io.flowdoctor.history.AdviceOutcomes;
import io.flowdoctor.history.AuditService;
import io.flowdoctor.history.EscalationService;
import io.flowdoctor.history.FlowStates;
import io.flowdoctor.history.GapSignature;
import io.flowdoctor.history.IdempotentAnswers;
import io.flowdoctor.history.IncidentService;
import io.flowdoctor.history.KnowledgeGaps;
import io.flowdoctor.history.OutageService;
import io.flowdoctor.knowledge.KnowledgeBase;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.lifecycle.RuleCatalog;
import io.flowdoctor.notify.FailureNotice;
import io.flowdoctor.notify.RepairTipsNotifier;
import io.flowdoctor.rulebase.ActiveRuleBase;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleRef;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Takes in a failed run, from whichever door it came: one transaction per diagnosis, once the flow's row
 * (and, for a failure the rules could not explain, its knowledge gap's row) exists. The failure is counted
 * in the flow's incident, the rules see that history, and the answer, its audit, the outcome of earlier
 * advice, any knowledge gap, any escalation case and any repair-tips e-mail are stored together or not at all.
 * A request sent again under its idempotency key gets the answer it was given, and is not counted again.
 */
@ApplicationScoped
public class DiagnosisIntake {

    /** A flow row, a gap row and an outage signature's row may each be missing once. */
    private static final int ATTEMPTS = 4;
    /** Flows whose row is known to exist, so that a batch need not look for it first. */
    private static final int KNOWN_FLOWS = 100_000;

    private final ActiveRuleBase ruleBase;
    private final FlowStates flowStates;
    private final IncidentService incidents;
    private final AuditService audit;
    private final AdviceOutcomes outcomes;
    private final KnowledgeGaps gaps;
    private final EscalationService escalations;
    private final OutageService outages;
    private final RepairTipsNotifier notifier;
    private final IdempotentAnswers answers;
    private final GroupCommit commits;
    private final FlowDoctorConfig config;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final Timer latency;
    private final Map<String, Boolean> knownFlows = new ConcurrentHashMap<>();

    public DiagnosisIntake(ActiveRuleBase ruleBase, FlowStates flowStates, IncidentService incidents, AuditService audit,
            AdviceOutcomes outcomes, KnowledgeGaps gaps, EscalationService escalations, OutageService outages,
            RepairTipsNotifier notifier, IdempotentAnswers answers, GroupCommit commits, FlowDoctorConfig config,
            ObjectMapper json,
            MeterRegistry registry) {
        this.ruleBase = ruleBase;
        this.flowStates = flowStates;
        this.incidents = incidents;
        this.audit = audit;
        this.outcomes = outcomes;
        this.gaps = gaps;
        this.escalations = escalations;
        this.outages = outages;
        this.notifier = notifier;
        this.answers = answers;
        this.commits = commits;
        this.config = config;
        this.json = json;
        this.registry = registry;
        this.latency = Timer.builder("flowdoctor.diagnosis").description("Time to diagnose one failed run")
                .publishPercentileHistogram().register(registry);
    }

    /** What one attempt in a transaction came to: the answer, or the flow's row is needed first (nothing written). */
    private sealed interface Attempt {
    }

    /** @param repeats earlier diagnoses of the same failure whose advice did not help */
    private record Recorded(Diagnosis diagnosis, boolean gap, int repeats) implements Attempt {
    }

    private record FlowUnknown() implements Attempt {
    }

    /** Thrown to roll back what the attempt wrote: the outage signature's row must exist first. */
    private static final class OutageSignatureUnknown extends RuntimeException {

        private final OutageService.Signature signature;

        OutageSignatureUnknown(OutageService.Signature signature) {
            super(null, null, false, false);
            this.signature = signature;
        }
    }

    /** The request was answered before under its idempotency key: the same answer again, nothing counted. */
    private record Repeated(Diagnosis diagnosis) implements Attempt {
    }

    /** Thrown to roll back what the attempt wrote: the gap's row must exist first. */
    private static final class GapUnknown extends RuntimeException {

        private final GapSignature signature;
        private final Instant seen;

        GapUnknown(GapSignature signature, Instant seen) {
            super(null, null, false, false);
            this.signature = signature;
            this.seen = seen;
        }
    }

    public Diagnosis diagnose(RunReport report, Language language, boolean explain) {
        return diagnose(report, language, explain, (String) null);
    }

    /**
     * @param idempotencyKey the caller's Idempotency-Key header, or null: then a request sent again exactly, with
     *        the same run id, is the same request, and a request without a run id has no key
     */
    public Diagnosis diagnose(RunReport report, Language language, boolean explain, String idempotencyKey) {
        RuleBase rules = ruleBase.current();
        return diagnoseUnder(report, rules, language, explain,
                IdempotencyKey.of(idempotencyKey, report, language, explain, rules.knowledge(), json));
    }

    /**
     * A failed run delivered by a log that may deliver it again (a Kafka topic): each run and failing step is
     * diagnosed, counted and e-mailed once; a copy gets the answer the first one got.
     *
     * @param deliveredAt where the log delivered it (topic, partition, offset): names a run that has no run id
     */
    public Diagnosis diagnoseDelivered(RunReport report, Language language, String deliveredAt) {
        RuleBase rules = ruleBase.current();
        return diagnoseUnder(report, rules, language, false,
                Optional.of(IdempotencyKey.ofDelivery(report, deliveredAt, rules.knowledge())));
    }

    /** A request is diagnosed by the rule base that served when it arrived, even when a reload ends while it waits. */
    private Diagnosis diagnoseUnder(RunReport report, RuleBase rules, Language language, boolean explain,
            Optional<IdempotencyKey> key) {
        Timer.Sample sample = Timer.start(registry);
        // To the microsecond, as stored: the answer, the audit and a filter on the time then agree.
        RunReport dated = report.failedAt(Objects.requireNonNullElseGet(Instants.micros(report.failedAt()), Instants::now));
        // Worked out on the request's thread: the writer that holds the flow's history locked only adds the history.
        Diagnoser.Prepared prepared = Diagnoser.prepare(rules, dated);
        Attempt outcome = commits.run(dated.flowId(), new GroupCommit.Unit<>() {
            @Override
            public void prepare() {
                if (!knownFlows.containsKey(dated.flowId())) {
                    flowStates.ensureExists(dated.flowId());
                    remember(dated.flowId());
                }
            }

            @Override
            public Attempt inBatch() {
                Attempt attempt = diagnoseAndRecord(prepared, language, explain, key);
                if (attempt instanceof FlowUnknown) {
                    knownFlows.remove(dated.flowId()); // purged meanwhile
                    throw new GroupCommit.RunAlone(); // the flow's row is created on its own first
                }
                // Written and let go: every query of the next diagnoses in the batch would otherwise flush, and
                // dirty-check, all the entities of the ones before it.
                Panache.getEntityManager().flush();
                Panache.getEntityManager().clear();
                return attempt;
            }

            @Override
            public Attempt alone() {
                return diagnoseAlone(prepared, language, explain, key);
            }
        });
        if (outcome instanceof Recorded recorded) {
            count(recorded);
            sample.stop(latency);
        }
        return outcome instanceof Recorded recorded ? recorded.diagnosis() : ((Repeated) outcome).diagnosis();
    }

    /** A flow whose row this instance saw or made; the set is emptied when it grows past its bound. */
    private void remember(String flowId) {
        if (knownFlows.size() >= KNOWN_FLOWS) {
            knownFlows.clear();
        }
        knownFlows.put(flowId, Boolean.TRUE);
    }

    /** One diagnosis in a transaction of its own, the flow's or gap's row created first when it is missing. */
    private Attempt diagnoseAlone(Diagnoser.Prepared prepared, Language language, boolean explain,
            Optional<IdempotencyKey> key) {
        RunReport dated = prepared.report();
        Callable<Attempt> inTransaction = () -> diagnoseAndRecord(prepared, language, explain, key);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // Never inside another transaction: that one would hold a second connection of the pool.
            // A new flow's or gap's row is created on its own; then the failure is diagnosed like any other.
            try {
                Attempt outcome = QuarkusTransaction.disallowingExisting().call(inTransaction);
                if (!(outcome instanceof FlowUnknown)) {
                    return outcome;
                }
                flowStates.ensureExists(dated.flowId());
            } catch (GapUnknown unknown) {
                gaps.ensureExists(unknown.signature, unknown.seen);
            } catch (OutageSignatureUnknown unknown) {
                outages.ensureExists(unknown.signature);
            }
        }
        throw new IllegalStateException("Flow " + dated.flowId() + " still lacks a row after it was created");
    }

    private Attempt diagnoseAndRecord(Diagnoser.Prepared prepared, Language language, boolean explain,
            Optional<IdempotencyKey> key) {
        RunReport run = prepared.report();
        if (key.isPresent()) {
            // The flow's row lock comes first: a copy of this request sent at the same moment waits here
            // and then finds this one's answer.
            if (flowStates.lockedIfExists(run.flowId()).isEmpty()) {
                return new FlowUnknown();
            }
            Optional<Diagnosis> earlier = earlierAnswer(run.flowId(), key.get());
            if (earlier.isPresent()) {
                return new Repeated(earlier.get());
            }
        }
        UUID diagnosisId = UUID.randomUUID();
        RuleBase rules = prepared.ruleBase();
        Optional<FailureHistory> history = incidents.recordFailure(run.flowId(), run.runId(), run.failedAt(), diagnosisId);
        if (history.isEmpty()) {
            return new FlowUnknown();
        }
        String resubmitUrl = config.resubmitUrlTemplate().flatMap(template -> ResubmitLink.of(template, run)).orElse(null);
        Diagnosis diagnosis = Diagnoser.diagnose(prepared, language, history.get(),
                new Diagnoser.Options(diagnosisId, resubmitUrl, explain));

        String signature = AuditRecords.signature(diagnosis, run);
        int repeats = outcomes.markRepeats(run.flowId(), signature, Instants.now());
        String replayInput = ReplayInputs.of(run, diagnosis.failedAction(), history.get(), diagnosis.locale(), json);
        Instant recordedAt = audit.record(AuditRecords.entry(run, diagnosis, replayInput, signature, json));
        boolean gap = Gaps.isGap(diagnosis);
        if (gap) {
            GapSignature gapSignature = AuditRecords.gapSignature(diagnosis, run);
            if (!gaps.count(gapSignature, run.flowId(), diagnosisId, run.failedAt(), recordedAt)) {
                throw new GapUnknown(gapSignature, run.failedAt());
            }
        }
        // Part of an outage: the outage case stands for the flow's own case, and the owner hears of it once.
        Optional<OutageService.Linked> outage = outage(rules.knowledge(), run, diagnosis, recordedAt);
        if (diagnosis.escalation().level().opensCase() && outage.isEmpty()) {
            escalations.openOrRepeat(run.flowId(), signature, diagnosis.escalation().level().name(),
                    diagnosis.escalation().reason(), diagnosisId, recordedAt);
        }
        FailureNotice notice = FailureNotices.of(run, diagnosis);
        if (outage.isEmpty()) {
            notifier.onDiagnosis(rules.knowledge(), notice);
        } else if (!outage.get().ownerNotified() && notifier.onDiagnosis(rules.knowledge(),
                FailureNotices.partOfOutage(notice, rules.knowledge().text("email.outage", language)))) {
            outages.ownerNotified(outage.get().outageId(), run.flowId(), recordedAt);
        }
        key.ifPresent(k -> answers.remember(run.flowId(), k.hash(), k.requestHash(), diagnosisId, recordedAt));
        return new Recorded(diagnosis, gap, repeats);
    }

    /** The outage the failure is part of, counting it towards its signature's; empty when it is part of none. */
    private Optional<OutageService.Linked> outage(KnowledgeBase knowledge, RunReport run, Diagnosis diagnosis,
            Instant recordedAt) {
        ReportedAction step = AuditRecords.failingStep(diagnosis, run);
        String connector = knowledge.connectorId(step.connector());
        if (!outages.considers(connector, diagnosis.category().name())) {
            return Optional.empty();
        }
        String code = step.errorCode() != null ? Normalizer.identifier(step.errorCode())
                : step.statusCode() == null ? null : step.statusCode().toString();
        OutageService.Signature signature = new OutageService.Signature(connector, diagnosis.category().name(), code);
        OutageService.Outcome outcome = outages.onFailure(signature, run.flowId(), run.failedAt(), recordedAt);
        if (outcome instanceof OutageService.SignatureUnknown) {
            throw new OutageSignatureUnknown(signature);
        }
        return outcome instanceof OutageService.Linked linked ? Optional.of(linked) : Optional.empty();
    }

    /** The answer given before under the key; empty when none was, or when it has been purged since. */
    private Optional<Diagnosis> earlierAnswer(String flowId, IdempotencyKey key) {
        Optional<IdempotentAnswers.Given> given = answers.find(flowId, key.hash());
        if (given.isEmpty()) {
            return Optional.empty();
        }
        // A caller's own key promises the same request; another request under it is a mistake. (The default
        // key holds the request itself.)
        if (!given.get().requestHash().equals(key.requestHash())) {
            throw new IdempotencyConflict(given.get().diagnosisId());
        }
        Optional<String> answer = audit.answer(given.get().diagnosisId());
        if (answer.isEmpty()) {
            answers.forget(flowId, key.hash()); // purged with its diagnosis: this request counts anew
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(answer.get(), Diagnosis.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored answer of diagnosis " + given.get().diagnosisId() + " is unreadable",
                    e);
        }
    }

    private void count(Recorded recorded) {
        Diagnosis diagnosis = recorded.diagnosis();
        registry.counter("flowdoctor.diagnoses", "category", diagnosis.category().name(),
                "escalation", diagnosis.escalation().level().name()).increment();
        for (RuleRef rule : diagnosis.firedRules()) {
            registry.counter(RuleCatalog.RULES_FIRED, "rule", rule.ruleId()).increment();
        }
        if (recorded.gap()) {
            registry.counter("flowdoctor.knowledge-gaps.failures").increment();
        }
        if (recorded.repeats() > 0 && !diagnosis.findings().isEmpty()) {
            // The same failure again: the advice of the same primary rule did not help.
            registry.counter("flowdoctor.advice.repeats", "rule", diagnosis.findings().get(0).ruleId())
                    .increment(recorded.repeats());
        }
    }
}
