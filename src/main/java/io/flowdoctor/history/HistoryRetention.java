package io.flowdoctor.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.Instants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the history no longer than the retention setting: audited diagnoses (with their rules, tips, outcomes,
 * gap examples and idempotency keys), failure records, escalation cases untouched since, and e-mails. Deleted in
 * batches, each in a short transaction of its own, so diagnoses go on while old data goes. Gaps themselves stay:
 * their templates hold no personal data, only counts.
 */
@ApplicationScoped
public class HistoryRetention {

    private static final Logger LOG = Logger.getLogger(HistoryRetention.class);

    private final Duration retention;
    private final int batch;
    private final IdempotentAnswers answers;

    public HistoryRetention(FlowDoctorConfig config, IdempotentAnswers answers) {
        this.retention = config.history().retention();
        this.batch = config.history().purgeBatch();
        this.answers = answers;
    }

    /** What one purge deleted. */
    public record Purged(long diagnoses, long failures, long cases, long emails) {
    }

    @Scheduled(every = "${flowdoctor.history.purge-every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeOnSchedule() {
        Purged purged = purgeOlderThan(Instants.now().minus(retention));
        if (purged.diagnoses() + purged.failures() + purged.cases() + purged.emails() > 0) {
            LOG.infof("Purged history older than %s: %s", retention, purged);
        }
    }

    /** Deletes everything recorded before the cutoff; what was recorded at or after it stays. */
    public Purged purgeOlderThan(Instant cutoff) {
        long diagnoses = inBatches(() -> ids("select d.id from DiagnosisRecord d where d.recordedAt < :cutoff", cutoff),
                ids -> {
                    KnowledgeGapExample.delete("diagnosisId in ?1", ids);
                    GivenTipRecord.delete("diagnosis.id in ?1", ids);
                    FiredRuleRecord.delete("diagnosis.id in ?1", ids);
                    DiagnosisOutcome.delete("diagnosisId in ?1", ids);
                    return DiagnosisRecord.delete("id in ?1", ids);
                });
        long failures = inBatches(() -> ids("select f.id from FailureRecord f where f.failedAt < :cutoff", cutoff),
                ids -> FailureRecord.delete("id in ?1", ids));
        long cases = inBatches(() -> ids("select c.id from EscalationCase c where c.updatedAt < :cutoff", cutoff),
                ids -> {
                    CaseNote.delete("caseId in ?1", ids);
                    return EscalationCase.delete("id in ?1", ids);
                });
        // A key outlives no diagnosis: a retry after the retention is a new failure.
        long keys;
        do {
            keys = QuarkusTransaction.requiringNew().call(() -> (long) answers.forgetBefore(cutoff, batch));
        } while (keys > 0 && !stopping);
        long emails = inBatches(() -> ids("select e.id from OutboxEmail e where e.createdAt < :cutoff", cutoff),
                ids -> OutboxEmail.delete("id in ?1", ids));
        return new Purged(diagnoses, failures, cases, emails);
    }

    private List<UUID> ids(String query, Instant cutoff) {
        return DiagnosisRecord.getEntityManager().createQuery(query, UUID.class).setParameter("cutoff", cutoff)
                .setMaxResults(batch).getResultList();
    }

    private interface Deletion {
        long delete(List<UUID> ids);
    }

    /** Set when the service stops: a purge ends after its current batch, before the database closes. */
    private volatile boolean stopping;

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    private long inBatches(Supplier<List<UUID>> nextBatch, Deletion deletion) {
        long deleted = 0;
        while (!stopping) {
            long done = QuarkusTransaction.requiringNew().call(() -> {
                List<UUID> ids = nextBatch.get();
                return ids.isEmpty() ? 0L : deletion.delete(ids);
            });
            if (done == 0) {
                return deleted;
            }
            deleted += done;
        }
        return deleted; // what is left goes at the next purge
    }
}
