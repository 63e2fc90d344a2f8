package io.flowdoctor.history;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A flow a knowledge gap was seen in: counted once however often it fails. */
@Entity
@Table(name = "knowledge_gap_flow")
@IdClass(KnowledgeGapFlow.Key.class)
public class KnowledgeGapFlow extends PanacheEntityBase {

    @Id
    @Column(name = "gap_id")
    public UUID gapId;

    @Id
    @Column(name = "flow_id")
    public String flowId;

    /** The composite key: gap and flow. */
    public static class Key implements Serializable {
        public UUID gapId;
        public String flowId;

        public Key() {
        }

        public Key(UUID gapId, String flowId) {
            this.gapId = gapId;
            this.flowId = flowId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(gapId, key.gapId) && Objects.equals(flowId, key.flowId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(gapId, flowId);
        }
    }
}
