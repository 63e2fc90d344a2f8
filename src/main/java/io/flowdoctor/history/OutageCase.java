package io.flowdoctor.history;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One case for many flows failing with one signature at once; it resolves when every linked flow recovered. */
@Entity
@Table(name = "outage_case")
public class OutageCase extends PanacheEntityBase {

    @Id
    public UUID id;

    public String signature;

    public String connector;

    public String category;

    @Column(name = "error_code")
    public String errorCode;

    @Enumerated(EnumType.STRING)
    public OutageStatus status;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** Flows linked, of which recovered. */
    public int flows;

    @Column(name = "recovered_flows")
    public int recoveredFlows;

    /** Failures counted since the outage opened, the ones that opened it included. */
    public int failures;

    /** The latest annotation, such as how many linked flows recovered. */
    public String note;
}
