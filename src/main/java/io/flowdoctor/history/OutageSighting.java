package io.flowdoctor.history;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A flow's latest failure with an outage signature. */
@Entity
@Table(name = "outage_sighting")
@IdClass(OutageSighting.Key.class)
public class OutageSighting extends PanacheEntityBase {

    @Id
    public String signature;

    @Id
    @Column(name = "flow_id")
    public String flowId;

    @Column(name = "last_failed_at")
    public Instant lastFailedAt;

    /** The composite key. */
    public static class Key implements Serializable {
        public String signature;
        public String flowId;

        public Key() {
        }

        public Key(String signature, String flowId) {
            this.signature = signature;
            this.flowId = flowId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(signature, key.signature) && Objects.equals(flowId, key.flowId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(signature, flowId);
        }
    }
}
