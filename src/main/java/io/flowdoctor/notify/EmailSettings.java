package io.flowdoctor.notify;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.flowdoctor.history.FlowState;
import io.flowdoctor.history.FlowStates;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The owner's choice per flow: repair-tips e-mails or none, set through the API or an unsubscribe link. */
@ApplicationScoped
public class EmailSettings {

    private final FlowStates flowStates;
    private final UnsubscribeTokens tokens;

    public EmailSettings(FlowStates flowStates, UnsubscribeTokens tokens) {
        this.flowStates = flowStates;
        this.tokens = tokens;
    }

    /** A flow's settings. */
    public record FlowSettings(String flowId, boolean repairTipsEmail) {
    }

    @Transactional
    public FlowSettings get(String flowId) {
        FlowState state = FlowState.findById(flowId);
        return new FlowSettings(flowId, state == null || state.repairTipsEmail);
    }

    public FlowSettings set(String flowId, boolean repairTipsEmail) {
        flowStates.ensureExists(flowId);
        QuarkusTransaction.disallowingExisting().run(() -> flowStates.locked(flowId).repairTipsEmail = repairTipsEmail);
        return new FlowSettings(flowId, repairTipsEmail);
    }

    /** Switches the e-mails off for the flow a genuine token names; empty for a forged or altered token. */
    public Optional<UnsubscribeTokens.Subscription> unsubscribe(String token) {
        Optional<UnsubscribeTokens.Subscription> subscription = tokens.verify(token);
        subscription.ifPresent(s -> set(s.flowId(), false));
        return subscription;
    }
}
