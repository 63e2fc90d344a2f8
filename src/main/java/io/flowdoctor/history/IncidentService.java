package io.flowdoctor.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.diagnosis.FailureHistory;

/**
 * Failure history per flow. An incident holds the failures since the flow last succeeded; a failure
 * that comes longer than the incident window after the previous one starts a new incident.
 */
@ApplicationScoped
public class IncidentService {

    private static final Duration LAST_HOUR = Duration.ofHours(1);

    private final FlowStates flowStates;
    private final Duration window;

    public IncidentService(FlowStates flowStates, FlowDoctorConfig config) {
        this.flowStates = flowStates;
        this.window = config.history().incidentWindow();
    }

    /**
     * Records a failure in the caller's transaction and returns the history of the incident it belongs to; empty, with
     * nothing recorded, for a flow without a row yet ({@link FlowStates#ensureExists}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FailureHistory> recordFailure(String flowId, String runId, Instant failedAt, UUID diagnosisId) {
        Optional<FlowState> known = flowStates.lockedIfExists(flowId);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        FlowState state = known.get();
        boolean newIncident = state.incidentStartedAt == null
                || state.lastFailedAt != null && failedAt.isAfter(state.lastFailedAt.plus(window));
        if (newIncident) {
            state.incidentStartedAt = failedAt;
            state.incidentFailures = 0;
            state.incidentEmailedAt = null;
        }
        state.incidentFailures++;
        if (failedAt.isBefore(state.incidentStartedAt)) {
            state.incidentStartedAt = failedAt;
        }
        if (state.lastFailedAt == null || failedAt.isAfter(state.lastFailedAt)) {
            state.lastFailedAt = failedAt;
        }

        // Counted before this failure is added, so the query needs no flush of it first; it is the + 1.
        // A count query of its own: Panache's count() derives one from the HQL anew on every call.
        long inLastHour = FailureRecord.getEntityManager().createQuery("select count(f) from FailureRecord f where "
                + "f.flowId = ?1 and f.failedAt > ?2 and f.failedAt <= ?3", Long.class)
                .setParameter(1, flowId).setParameter(2, failedAt.minus(LAST_HOUR)).setParameter(3, failedAt)
                .getSingleResult() + 1;

        FailureRecord failure = new FailureRecord();
        failure.id = UUID.randomUUID();
        failure.flowId = flowId;
        failure.runId = runId;
        failure.failedAt = failedAt;
        failure.diagnosisId = diagnosisId;
        failure.persist();
        return Optional.of(new FailureHistory(state.incidentFailures, state.incidentStartedAt, (int) inLastHour));
    }

    /** A successful run closes the flow's incident; empty when none was open. */
    @Transactional
    public Optional<ClosedIncident> recordRecovery(String flowId, Instant recoveredAt) {
        Optional<FlowState> known = flowStates.lockedIfExists(flowId);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        FlowState state = known.get();
        state.lastRecoveredAt = recoveredAt;
        if (state.incidentStartedAt == null) {
            return Optional.empty();
        }
        ClosedIncident closed = new ClosedIncident(flowId, state.incidentFailures, state.incidentStartedAt, recoveredAt);
        state.incidentStartedAt = null;
        state.incidentFailures = 0;
        state.incidentEmailedAt = null;
        return Optional.of(closed);
    }

    /** A flow's current incident and e-mail setting as stored; empty for a flow never seen. */
    @Transactional
    public Optional<FlowState> state(String flowId) {
        return FlowState.findByIdOptional(flowId);
    }

    /** An incident a recovery closed. */
    public record ClosedIncident(String flowId, int failureCount, Instant firstFailedAt, Instant recoveredAt) {
    }
}
