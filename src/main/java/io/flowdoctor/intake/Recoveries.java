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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Takes in a flow's recovery: its incident closes, and the latest diagnosis within the effectiveness
 * window is credited, in one transaction.
 */
@ApplicationScoped
public class Recoveries {

    private final IncidentService incidents;
    private final AdviceOutcomes outcomes;
    private final MeterRegistry registry;
    private final Timer timeToRecovery;

    public Recoveries(IncidentService incidents, AdviceOutcomes outcomes, MeterRegistry registry) {
        this.incidents = incidents;
        this.outcomes = outcomes;
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
        Result result = QuarkusTransaction.disallowingExisting().call(
                () -> new Result(incidents.recordRecovery(flowId, now), outcomes.creditRecovery(flowId, now)));
        result.credited().ifPresent(credited -> {
            timeToRecovery.record(credited.timeToRecovery());
            registry.counter("flowdoctor.advice.recoveries", "rule", String.valueOf(credited.primaryRuleId())).increment();
        });
        UUID credited = result.credited().map(Credited::diagnosisId).orElse(null);
        return result.closed().map(closed -> new Recovery(closed.flowId(), closed.failureCount(), closed.firstFailedAt(),
                closed.recoveredAt(), credited));
    }
}
