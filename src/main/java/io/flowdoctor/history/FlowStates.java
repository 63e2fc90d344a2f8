package io.flowdoctor.history;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The flow's row, locked in the caller's transaction, which serialises what is recorded of one flow.
 * A new flow's row is created beforehand, committed in a short transaction of its own: creating it
 * inside the caller's transaction would take a second connection while the first is held, and under
 * load every connection of the pool would end up waiting for another.
 */
@ApplicationScoped
public class FlowStates {

    /** Creates the flow's row unless it exists; never inside a transaction, see above. */
    @Transactional(Transactional.TxType.NEVER)
    public void ensureExists(String flowId) {
        if (exists(flowId)) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                FlowState state = new FlowState();
                state.flowId = flowId;
                state.persist();
            });
        } catch (RuntimeException e) {
            // Another request may have created the row first: then the row is there, which is all that was asked.
            try {
                if (exists(flowId)) {
                    return;
                }
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    /** The flow's row, locked until the caller's transaction ends; {@link #ensureExists} must have run. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FlowState locked(String flowId) {
        return lockedIfExists(flowId)
                .orElseThrow(() -> new IllegalStateException("No row for flow " + flowId + "; ensureExists comes first"));
    }

    /** The flow's row, locked until the caller's transaction ends, or empty for a flow never recorded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FlowState> lockedIfExists(String flowId) {
        return Optional.ofNullable(FlowState.findById(flowId, LockModeType.PESSIMISTIC_WRITE));
    }

    private static boolean exists(String flowId) {
        return QuarkusTransaction.requiringNew().call(() -> FlowState.count("flowId", flowId) > 0);
    }
}
