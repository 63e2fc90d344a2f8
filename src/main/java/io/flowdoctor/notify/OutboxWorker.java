package io.flowdoctor.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.flowdoctor.Instants;
import io.flowdoctor.history.EmailStatus;
import io.flowdoctor.history.OutboxEmail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;

/**
 * One sender of the outbox. It claims the due e-mails before it sends them, so that several instances of
 * the service on one database never send the same e-mail: the rows are read with SELECT ... FOR UPDATE
 * SKIP LOCKED (another sender skips them instead of waiting) and marked with this claim and a lease in
 * the same transaction; a claim whose lease ran out (its sender died) is taken over. Only the head of
 * each flow's queue (its oldest waiting e-mail) is due, so a flow's e-mails go in order of age and a
 * backlog of one flow never holds up another's (after each send the flow's next e-mail queues behind the
 * heads that waited meanwhile); the heads are sent several at a time, at most at the configured rate.
 */
public class OutboxWorker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);
    /** jakarta.persistence.lock.timeout -2: Hibernate's SKIP_LOCKED. */
    private static final int SKIP_LOCKED = -2;
    private static final String HEADS = "from OutboxEmail e where e.status = :pending and e.sendAfter <= :now"
            + " and (e.claimedUntil is null or e.claimedUntil < :now)"
            + " and not exists (select o.id from OutboxEmail o where o.flowId = e.flowId and o.status = :pending"
            + " and (o.createdAt < e.createdAt or (o.createdAt = e.createdAt and o.id < e.id)))"
            + " order by e.sendAfter, e.createdAt";

    /**
     * How a worker sends.
     *
     * @param parallelSends e-mails on their way at once
     * @param maxPerSecond the most e-mails started per second; 0 for no limit
     * @param claimLease how long a claim holds before another sender may take the e-mail over
     */
    public record Settings(int parallelSends, double maxPerSecond, int maxAttempts, Duration retryAfter, Duration claimLease) {
    }

    private final Courier courier;
    private final Settings settings;
    private final SendRate rate;
    private final ExecutorService pool;

    public OutboxWorker(Courier courier, Settings settings, String name) {
        this.courier = courier;
        this.settings = settings;
        this.rate = new SendRate(settings.maxPerSecond());
        this.pool = Executors.newFixedThreadPool(Math.max(1, settings.parallelSends()), runnable -> {
            Thread thread = new Thread(runnable, "outbox-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends every due e-mail, batch after batch, until none is left; returns how many were attempted. */
    public int drain() {
        int attempted = 0;
        while (true) {
            Claim batch = claim();
            if (batch.emails().isEmpty()) {
                return attempted;
            }
            List<Future<?>> sends = new ArrayList<>();
            for (OutboxEmail email : batch.emails()) {
                sends.add(pool.submit(() -> send(email, batch.id())));
            }
            for (Future<?> send : sends) {
                try {
                    send.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return attempted;
                } catch (ExecutionException e) {
                    LOG.warnf(e.getCause(), "An outbox send failed unexpectedly");
                }
            }
            attempted += batch.emails().size();
        }
    }

    private record Claim(String id, List<OutboxEmail> emails) {
    }

    /** Claims the next due heads, a few per parallel send, in a transaction of its own. */
    Claim claim() {
        String claim = UUID.randomUUID().toString();
        List<OutboxEmail> claimed = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instants.now();
            List<OutboxEmail> heads = OutboxEmail.<OutboxEmail> find(HEADS,
                    Parameters.with("pending", EmailStatus.PENDING).and("now", now))
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                    .range(0, Math.max(1, settings.parallelSends()) * 2 - 1).list();
            List<OutboxEmail> mine = new ArrayList<>();
            for (OutboxEmail email : heads) {
                // Read under the row lock: a sender that claimed it meanwhile has moved its lease forward.
                if (email.status == EmailStatus.PENDING && (email.claimedUntil == null || email.claimedUntil.isBefore(now))) {
                    email.claimId = claim;
                    email.claimedUntil = now.plus(settings.claimLease());
                    mine.add(email);
                }
            }
            return mine;
        });
        return new Claim(claim, claimed);
    }

    private void send(OutboxEmail email, String claim) {
        try {
            rate.acquire();
            courier.deliver(email);
            recordSent(email.id, claim);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("Repair-tips e-mail %s could not be delivered: %s", email.id,
                    ControlCharacters.escape(String.valueOf(e.getMessage())));
            recordFailure(email.id, claim, e);
        }
    }

    /**
     * Sent, whatever happened to the row meanwhile (an opt-out cannot call back an e-mail on its way). The
     * flow's next e-mail takes its turn in a transaction of its own: each transaction locks one row, so it
     * never deadlocks with an opt-out that cancels the flow's e-mails.
     */
    void recordSent(UUID id, String claim) {
        String flowId = QuarkusTransaction.requiringNew().call(() -> {
            OutboxEmail email = OutboxEmail.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (email == null || !claim.equals(email.claimId)) {
                LOG.warnf("Repair-tips e-mail %s was sent after its claim had run out", id);
                return null;
            }
            email.status = EmailStatus.SENT;
            email.sentAt = Instants.now();
            email.attempts++;
            email.claimId = null;
            email.claimedUntil = null;
            return email.flowId;
        });
        if (flowId != null) {
            QuarkusTransaction.requiringNew().run(() -> takeTurn(flowId, Instants.now()));
        }
    }

    /**
     * The flow's next e-mail queues again behind the heads that waited meanwhile (its send-after moves up to
     * now, never later): flows take turns, so a flow with a long backlog cannot keep a new flow's e-mail waiting.
     */
    private static void takeTurn(String flowId, Instant now) {
        OutboxEmail.<OutboxEmail> find("flowId = ?1 and status = ?2 order by createdAt, id", flowId, EmailStatus.PENDING)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .filter(next -> next.sendAfter.isBefore(now))
                .ifPresent(next -> next.sendAfter = now);
    }

    void recordFailure(UUID id, String claim, Exception failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxEmail email = OutboxEmail.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (email == null || !claim.equals(email.claimId)) {
                return;
            }
            email.attempts++;
            email.claimId = null;
            email.claimedUntil = null;
            String message = String.valueOf(failure.getMessage());
            email.lastError = message.length() > 2000 ? message.substring(0, 2000) : message;
            if (email.status != EmailStatus.PENDING) {
                return;
            }
            if (email.attempts >= settings.maxAttempts()) {
                email.status = EmailStatus.FAILED;
            } else {
                email.sendAfter = Instants.now()
                        .plus(settings.retryAfter().multipliedBy(1L << Math.min(email.attempts - 1, 10)));
            }
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
