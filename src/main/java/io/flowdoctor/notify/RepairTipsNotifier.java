package io.flowdoctor.notify;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.Instants;
import io.flowdoctor.history.EmailStatus;
import io.flowdoctor.history.FlowState;
import io.flowdoctor.history.OutboxEmail;
import io.flowdoctor.knowledge.KnowledgeBase;

/**
 * Decides whether a diagnosis e-mails the flow's owner, and queues the e-mail in the diagnosis'
 * transaction. One e-mail at the first failure of an incident; repeats within the repeat interval are
 * folded into one later e-mail that carries the newest count; transient failures wait until the
 * platform's automatic retries are used up; owners who opted out get nothing.
 */
@ApplicationScoped
public class RepairTipsNotifier {

    private final RepairTipsRenderer renderer;
    private final FlowDoctorConfig config;

    public RepairTipsNotifier(RepairTipsRenderer renderer, FlowDoctorConfig config) {
        this.renderer = renderer;
        this.config = config;
    }

    /**
     * Runs in the diagnosis' transaction, which holds the flow's row.
     *
     * @return whether an e-mail for the notice is queued (a new one, or the flow's waiting one rewritten)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean onDiagnosis(KnowledgeBase knowledge, FailureNotice notice) {
        if (notice.ownerEmail() == null || notice.ownerEmail().isBlank()) {
            return false;
        }
        FlowState state = FlowState.findById(notice.flowId());
        if (state == null || !state.repairTipsEmail || retriesStillRunning(notice)) {
            return false;
        }
        Instant now = Instants.now();
        RenderedEmail email = renderer.render(knowledge, notice, state.emailSubscriptionVersion);
        Optional<OutboxEmail> waiting = waitingUnclaimed(notice.flowId(), now);
        OutboxEmail queued = waiting.orElseGet(() -> newEmail(notice.flowId(), now,
                state.incidentEmailedAt == null ? now
                        : later(state.incidentEmailedAt.plus(config.email().repeatInterval()), now)));
        queued.diagnosisId = notice.diagnosisId();
        queued.recipient = notice.ownerEmail().strip();
        queued.subject = email.subject();
        queued.html = email.html();
        queued.text = email.text();
        queued.unsubscribeUrl = email.unsubscribeUrl();
        if (waiting.isEmpty()) {
            queued.persist();
            state.incidentEmailedAt = queued.sendAfter;
        }
        return true;
    }

    /**
     * The flow's e-mail that waits and no sender has claimed, locked so that no sender claims it while it is
     * rewritten; an e-mail being sent is left alone (the new count goes in a new e-mail).
     */
    private static Optional<OutboxEmail> waitingUnclaimed(String flowId, Instant now) {
        return OutboxEmail.<OutboxEmail> find("flowId = ?1 and status = ?2 order by createdAt", flowId, EmailStatus.PENDING)
                .withLock(LockModeType.PESSIMISTIC_WRITE).stream()
                .filter(email -> email.claimedUntil == null || email.claimedUntil.isBefore(now))
                .findFirst();
    }

    /** For AUTOMATIC advice the platform retries by itself; the owner hears of it once those retries are spent. */
    private static boolean retriesStillRunning(FailureNotice notice) {
        return notice.automaticRetries() != null && notice.failureCount() <= notice.automaticRetries();
    }

    private static OutboxEmail newEmail(String flowId, Instant now, Instant sendAfter) {
        OutboxEmail email = new OutboxEmail();
        email.id = UUID.randomUUID();
        email.flowId = flowId;
        email.createdAt = now;
        email.sendAfter = sendAfter;
        email.status = EmailStatus.PENDING;
        return email;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
