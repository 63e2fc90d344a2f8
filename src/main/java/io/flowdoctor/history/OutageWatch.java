package io.flowdoctor.history;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An outage signature's row: locked by every failure with it, it holds the signature's open outage. */
@Entity
@Table(name = "outage_watch")
public class OutageWatch extends PanacheEntityBase {

    @Id
    public String signature;

    @Column(name = "open_outage_id")
    public UUID openOutageId;

    /** Flows that failed before the last outage of the signature ended do not count towards the next one. */
    @Column(name = "last_resolved_at")
    public Instant lastResolvedAt;
}
