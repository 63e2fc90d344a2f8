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

/** A repair-tips e-mail waiting to go, gone, or given up on, with what happened to each attempt. */
@Entity
@Table(name = "outbox_email")
public class OutboxEmail extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "flow_id")
    public String flowId;

    @Column(name = "diagnosis_id")
    public UUID diagnosisId;

    public String recipient;

    @Column(length = 4000)
    public String subject;

    @Column(length = 1000000)
    public String html;

    @Column(length = 1000000)
    public String text;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Not before this time: repeats of an incident wait for the repeat interval. */
    @Column(name = "send_after")
    public Instant sendAfter;

    @Enumerated(EnumType.STRING)
    public EmailStatus status;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The one-click unsubscribe link (List-Unsubscribe header); null for e-mails queued before it existed. */
    @Column(name = "unsubscribe_url")
    public String unsubscribeUrl;

    /** The claim of the sender that is sending it; only that sender records the outcome. */
    @Column(name = "claim_id")
    public String claimId;

    /** Until when the claim holds; after that another sender may take the e-mail over. */
    @Column(name = "claimed_until")
    public Instant claimedUntil;
}
