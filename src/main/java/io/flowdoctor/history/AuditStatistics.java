package io.flowdoctor.history;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Counts over the audit for the console's overview: failures by time and category, frequent signatures, open cases. */
@ApplicationScoped
public class AuditStatistics {

    /** When a failure happened and how it was classified. */
    public record Occurrence(Instant failedAt, String category) {
    }

    /** A failure signature (category|primary rule|step|connector|operation|status|code) and how often it came. */
    public record SignatureCount(String signature, long count) {
    }

    /**
     * Every failure since the given time, oldest first; bucketing is left to the caller so the query stays the same on
     * H2 and PostgreSQL.
     */
    @Transactional
    public List<Occurrence> failuresSince(Instant since) {
        return DiagnosisRecord.getEntityManager()
                .createQuery("select new io.flowdoctor.history.AuditStatistics$Occurrence(d.failedAt, d.category) "
                        + "from DiagnosisRecord d where d.failedAt >= :since order by d.failedAt", Occurrence.class)
                .setParameter("since", since)
                .getResultList();
    }

    /** The most frequent failure signatures since the given time. */
    @Transactional
    public List<SignatureCount> topSignatures(Instant since, int limit) {
        return DiagnosisRecord.getEntityManager()
                .createQuery("select new io.flowdoctor.history.AuditStatistics$SignatureCount(d.signature, count(d)) "
                        + "from DiagnosisRecord d where d.failedAt >= :since and d.signature is not null "
                        + "group by d.signature order by count(d) desc, d.signature", SignatureCount.class)
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
    }

    /** When each case that is not resolved was opened. */
    @Transactional
    public List<Instant> openCasesOpenedAt() {
        return EscalationCase.getEntityManager()
                .createQuery("select c.openedAt from EscalationCase c where c.status <> :resolved", Instant.class)
                .setParameter("resolved", CaseStatus.RESOLVED)
                .getResultList();
    }
}
