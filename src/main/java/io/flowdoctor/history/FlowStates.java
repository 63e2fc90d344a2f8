package io.flowdoctor.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/**
 * Gives the caller's transaction the flow's row, locked. The row of a new flow is created in a
 * transaction of its own, so two first failures arriving together both end up waiting on one row.
 */
@ApplicationScoped
public class FlowStates {

    @Transactional(Transactional.TxType.MANDATORY)
    public FlowState locked(String flowId) {
        FlowState state = FlowState.findById(flowId, LockModeType.PESSIMISTIC_WRITE);
        if (state != null) {
            return state;
        }
        try {
            create(flowId);
        } catch (PersistenceException alreadyCreatedConcurrently) {
            // Another diagnosis created the row first; locking it below waits for that one.
        }
        return FlowState.findById(flowId, LockModeType.PESSIMISTIC_WRITE);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String flowId) {
        FlowState state = new FlowState();
        state.flowId = flowId;
        state.persistAndFlush();
    }
}
