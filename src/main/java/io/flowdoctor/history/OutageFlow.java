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

/** A flow an outage links. */
@Entity
@Table(name = "outage_flow")
@IdClass(OutageFlow.Key.class)
public class OutageFlow extends PanacheEntityBase {

    @Id
    @Column(name = "outage_id")
    public UUID outageId;

    @Id
    @Column(name = "flow_id")
    public String flowId;

    @Column(name = "linked_at")
    public Instant linkedAt;

    @Column(name = "last_failed_at")
    public Instant lastFailedAt;

    public int failures;

    @Column(name = "recovered_at")
    public Instant recoveredAt;

    /** When the owner's e-mail that tells of the outage was queued; at most one per flow and outage. */
    @Column(name = "owner_notified_at")
    public Instant ownerNotifiedAt;

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID outageId;
        public String flowId;

        public Key() {
        }

        public Key(UUID outageId, String flowId) {
            this.outageId = outageId;
            this.flowId = flowId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(outageId, key.outageId) && Objects.equals(flowId, key.flowId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(outageId, flowId);
        }
    }
}
