package io.flowdoctor.intake;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.flowdoctor.Instants;
import io.flowdoctor.history.AdviceOutcomes;
import io.flowdoctor.history.AdviceOutcomes.Credited;
import io.flowdoctor.history.IncidentService;
import io.flowdoctor.history.IncidentService.ClosedIncident;
import io.flowdoctor.history.OutageService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Takes in a flow's recovery: its incident closes, the latest diagnosis within the effectiveness
 * window is credited, and the outages that link the flow count it as recovered, in one transaction.
 */
@ApplicationScoped
public class Recoveries {

    private final IncidentService incidents;
    private final AdviceOutcomes outcomes;
    private final OutageService outages;
    private final MeterRegistry registry;
    private final Timer timeToRecovery;

    public Recoveries(IncidentService incidents, AdviceOutcomes outcomes, OutageService outages, MeterRegistry registry) {
        this.incidents = incidents;
        this.outcomes = outcomes;
        this.outages = outages;
        this.registry = registry;
        this.timeToRecovery = Timer.builder("flowdoctor.advice.time-to-recovery")
                .description("From a diagnosis to the flow's recovery it was credited with").register(registry);
    }

    /** The incident the recovery closed, and the diagnosis it credited (null when none). */
    public record Recovery(String flowId, int failureCount, Instant firstFailedAt, Instant recoveredAt,
            UUID creditedDiagnosisId) {
    }

    /** Empty when the flow had no open incident. */
    public Optional<Recovery> recover(String flowId) {
        Instant now = Instants.now();
        record Result(Optional<ClosedIncident> closed, Optional<Credited> credited) {
        }
        // The flow's row first (recordRecovery locks it), then the signatures of its outages.
        Result result = QuarkusTransaction.disallowingExisting().call(() -> {
            Optional<ClosedIncident> closed = incidents.recordRecovery(flowId, now);
            Optional<Credited> credited = outcomes.creditRecovery(flowId, now);
            outages.onRecovery(flowId, now);
            return new Result(closed, credited);
        });
        result.credited().ifPresent(credited -> {
            timeToRecovery.record(credited.timeToRecovery());
            registry.counter("flowdoctor.advice.recoveries", "rule", String.valueOf(credited.primaryRuleId())).increment();
        });
        UUID credited = result.credited().map(Credited::diagnosisId).orElse(null);
        return result.closed().map(closed -> new Recovery(closed.flowId(), closed.failureCount(), closed.firstFailedAt(),
                closed.recoveredAt(), credited));
    }
}
