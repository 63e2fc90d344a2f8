package io.flowdoctor.notify;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.flowdoctor.history.EmailStatus;
import io.flowdoctor.history.FlowState;
import io.flowdoctor.history.FlowStates;
import io.flowdoctor.history.OutboxEmail;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The owner's choice per flow: repair-tips e-mails or none, set through the API or an unsubscribe link. */
@ApplicationScoped
public class EmailSettings {

    private final FlowStates flowStates;
    private final UnsubscribeTokens tokens;
    private final Clock clock;

    @Inject
    public EmailSettings(FlowStates flowStates, UnsubscribeTokens tokens) {
        this(flowStates, tokens, Clock.systemUTC());
    }

    EmailSettings(FlowStates flowStates, UnsubscribeTokens tokens, Clock clock) {
        this.flowStates = flowStates;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A flow's settings. */
    public record FlowSettings(String flowId, boolean repairTipsEmail) {
    }

    @Transactional
    public FlowSettings get(String flowId) {
        FlowState state = FlowState.findById(flowId);
        return new FlowSettings(flowId, state == null || state.repairTipsEmail);
    }

    /**
     * Switches the flow's e-mails on or off. Off cancels the e-mails of the flow still waiting to go; on
     * again (after off) raises the subscription version, so the unsubscribe links sent before stop working.
     */
    public FlowSettings set(String flowId, boolean repairTipsEmail) {
        flowStates.ensureExists(flowId);
        QuarkusTransaction.disallowingExisting().run(() -> {
            FlowState state = flowStates.locked(flowId);
            if (repairTipsEmail && !state.repairTipsEmail) {
                state.emailSubscriptionVersion++;
            }
            state.repairTipsEmail = repairTipsEmail;
            if (!repairTipsEmail) {
                // One already on its way (claimed by a sender) cannot be called back: its sender records it as sent.
                OutboxEmail.update("status = ?1 where flowId = ?2 and status = ?3", EmailStatus.CANCELLED, flowId,
                        EmailStatus.PENDING);
            }
        });
        return new FlowSettings(flowId, repairTipsEmail);
    }

    /**
     * The flow a genuine, current unsubscribe link names, without changing anything (what the link's page
     * shows before the owner confirms).
     *
     * @throws UnsubscribeRefused for a forged, altered, expired or superseded link
     */
    @Transactional
    public UnsubscribeTokens.Subscription check(String token) {
        UnsubscribeTokens.Subscription subscription = tokens.verify(token, clock.instant());
        FlowState state = FlowState.findById(subscription.flowId());
        long current = state == null ? 0 : state.emailSubscriptionVersion;
        if (subscription.version() != current) {
            throw new UnsubscribeRefused(UnsubscribeRefused.Reason.SUPERSEDED);
        }
        return subscription;
    }

    /**
     * Switches the e-mails off for the flow a genuine, current link names.
     *
     * @throws UnsubscribeRefused for a forged, altered, expired or superseded link
     */
    public UnsubscribeTokens.Subscription unsubscribe(String token) {
        UnsubscribeTokens.Subscription subscription = check(token);
        set(subscription.flowId(), false);
        return subscription;
    }
}
