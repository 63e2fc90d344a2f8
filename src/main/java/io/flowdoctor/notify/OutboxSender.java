package io.flowdoctor.notify;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.Instants;
import io.flowdoctor.history.EmailStatus;
import io.flowdoctor.history.OutboxEmail;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the queued e-mails that are due, apart from any diagnosis: a slow or failing mail server never
 * fails or slows an answer. A failed attempt is recorded and retried later, with a growing wait.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    private static final int BATCH = 20;

    private final EmailDelivery delivery;
    private final FlowDoctorConfig config;

    public OutboxSender(EmailDelivery delivery, FlowDoctorConfig config) {
        this.delivery = delivery;
        this.config = config;
    }

    // Not while the service stops: the database may be closing under the sender.
    @Scheduled(every = "${flowdoctor.email.send-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDue() {
        for (OutboxEmail email : due()) {
            try {
                delivery.deliver(email);
                recordSent(email.id);
            } catch (Exception e) {
                LOG.warnf("Repair-tips e-mail %s could not be delivered: %s", email.id, e.getMessage());
                recordFailure(email.id, e);
            }
        }
    }

    /** The e-mails due now, read in a transaction of their own and delivered outside it. */
    @Transactional
    List<OutboxEmail> due() {
        return OutboxEmail.<OutboxEmail> find("status = ?1 and sendAfter <= ?2", Sort.ascending("sendAfter"),
                EmailStatus.PENDING, Instants.now())
                .page(0, BATCH).list();
    }

    @Transactional
    void recordSent(UUID id) {
        OutboxEmail email = OutboxEmail.findById(id);
        email.status = EmailStatus.SENT;
        email.sentAt = Instants.now();
        email.attempts++;
    }

    @Transactional
    void recordFailure(UUID id, Exception failure) {
        OutboxEmail email = OutboxEmail.findById(id);
        email.attempts++;
        String message = String.valueOf(failure.getMessage());
        email.lastError = message.length() > 2000 ? message.substring(0, 2000) : message;
        if (email.attempts >= config.email().maxAttempts()) {
            email.status = EmailStatus.FAILED;
        } else {
            email.sendAfter = Instants.now()
                    .plus(config.email().retryAfter().multipliedBy(1L << Math.min(email.attempts - 1, 10)));
        }
    }
}
