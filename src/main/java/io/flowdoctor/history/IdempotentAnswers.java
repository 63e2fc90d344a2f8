package io.flowdoctor.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Which diagnosis answered a flow's request under an idempotency key (table idempotent_answer). Read and
 * written in the diagnosis' transaction, after the flow's row is locked: two copies of one request then
 * meet one after the other, and the second finds the first's answer.
 */
@ApplicationScoped
public class IdempotentAnswers {

    /** The answer given under a key, and a hash of the request it answered. */
    public record Given(UUID diagnosisId, String requestHash) {
    }

    private final EntityManager entityManager;

    public IdempotentAnswers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Given> find(String flowId, String keyHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select cast(diagnosis_id as varchar(36)), request_hash from idempotent_answer where flow_id = ?1 and key_hash = ?2")
                .setParameter(1, flowId).setParameter(2, keyHash).getResultList();
        // As text: H2 and PostgreSQL hand a native uuid column back as different Java types.
        return rows.stream().findFirst().map(row -> new Given(UUID.fromString((String) row[0]), (String) row[1]));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String flowId, String keyHash, String requestHash, UUID diagnosisId, Instant at) {
        entityManager.createNativeQuery("insert into idempotent_answer (flow_id, key_hash, request_hash, diagnosis_id, "
                + "created_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, flowId).setParameter(2, keyHash).setParameter(3, requestHash).setParameter(4, diagnosisId)
                .setParameter(5, at).executeUpdate();
    }

    /** Forgets one key, whose diagnosis is gone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String flowId, String keyHash) {
        entityManager.createNativeQuery("delete from idempotent_answer where flow_id = ?1 and key_hash = ?2")
                .setParameter(1, flowId).setParameter(2, keyHash).executeUpdate();
    }

    /** Forgets the keys remembered before the cutoff, with the diagnoses they point to; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetBefore(Instant cutoff, int batch) {
        return entityManager.createNativeQuery("delete from idempotent_answer where (flow_id, key_hash) in (select flow_id, "
                + "key_hash from idempotent_answer where created_at < ?1 fetch first " + batch + " rows only)")
                .setParameter(1, cutoff).executeUpdate();
    }
}
