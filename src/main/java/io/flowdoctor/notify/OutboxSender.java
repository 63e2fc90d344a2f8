package io.flowdoctor.notify;

import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;

import org.jboss.logging.Logger;

import io.flowdoctor.FlowDoctorConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the queued e-mails that are due, apart from any diagnosis: a slow or failing mail server never
 * fails or slows an answer. A failed attempt is recorded and retried later, with a growing wait. Each
 * instance of the service has one worker; their claims keep them from sending an e-mail twice.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);

    private final OutboxWorker worker;
    private volatile boolean stopping;

    public OutboxSender(EmailDelivery delivery, FlowDoctorConfig config) {
        FlowDoctorConfig.Email email = config.email();
        this.worker = new OutboxWorker(delivery::deliver, new OutboxWorker.Settings(email.parallelSends(),
                email.maxPerSecond(), email.maxAttempts(), email.retryAfter(), email.claimLease()),
                UUID.randomUUID().toString().substring(0, 8));
    }

    // Not while the service stops: the database may be closing under the sender.
    @Scheduled(every = "${flowdoctor.email.send-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDue() {
        try {
            worker.drain();
        } catch (RuntimeException e) {
            if (!stopping) {
                throw e;
            }
            // A run that began just before the stop may find the database closing; what it did not send stays queued.
            LOG.debugf("Sending stopped with the service: %s", e);
        }
    }

    void onStop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        stopping = true;
    }

    @PreDestroy
    void stop() {
        worker.close();
    }
}
