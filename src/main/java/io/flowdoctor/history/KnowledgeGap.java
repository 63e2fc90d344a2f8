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

/** Failures of one signature that the rules could not explain, counted as one. */
@Entity
@Table(name = "knowledge_gap")
public class KnowledgeGap extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "signature_hash")
    public String signatureHash;

    public String connector;

    public String operation;

    @Column(name = "error_code")
    public String errorCode;

    public String template;

    public long occurrences;

    public int flows;

    @Column(name = "first_seen")
    public Instant firstSeen;

    @Column(name = "last_seen")
    public Instant lastSeen;

    @Enumerated(EnumType.STRING)
    public GapStatus status;

    public String note;

    @Column(name = "covered_by_rule")
    public String coveredByRule;

    @Column(name = "covered_in_version")
    public String coveredInVersion;

    @Column(name = "covered_at")
    public Instant coveredAt;
}
