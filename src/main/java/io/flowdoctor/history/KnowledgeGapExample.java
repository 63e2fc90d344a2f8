package io.flowdoctor.history;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An audited diagnosis that showed a knowledge gap. */
@Entity
@Table(name = "knowledge_gap_example")
@IdClass(KnowledgeGapExample.Key.class)
public class KnowledgeGapExample extends PanacheEntityBase {

    @Id
    @Column(name = "gap_id")
    public UUID gapId;

    @Id
    @Column(name = "diagnosis_id")
    public UUID diagnosisId;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** The composite key: gap and diagnosis. */
    public static class Key implements Serializable {
        public UUID gapId;
        public UUID diagnosisId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(gapId, key.gapId)
                    && Objects.equals(diagnosisId, key.diagnosisId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(gapId, diagnosisId);
        }
    }
}
