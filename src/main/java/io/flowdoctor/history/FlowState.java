package io.flowdoctor.history;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A flow's current incident. Diagnoses of the flow lock this row, which serialises their counting. */
@Entity
@Table(name = "flow_state")
public class FlowState extends PanacheEntityBase {

    @Id
    @Column(name = "flow_id")
    public String flowId;

    @Column(name = "incident_started_at")
    public Instant incidentStartedAt;

    @Column(name = "incident_failures")
    public int incidentFailures;

    @Column(name = "last_failed_at")
    public Instant lastFailedAt;

    @Column(name = "last_recovered_at")
    public Instant lastRecoveredAt;

    /** The owner's choice: repair-tips e-mails for this flow, or none. */
    @Column(name = "repair_tips_email")
    public boolean repairTipsEmail = true;

    /** When the current incident's last repair-tips e-mail goes (or went) out; none yet when null. */
    @Column(name = "incident_emailed_at")
    public Instant incidentEmailedAt;

    /**
     * Raised each time the owner switches the e-mails on again; unsubscribe links sent under an older
     * version no longer work.
     */
    @Column(name = "email_subscription_version")
    public long emailSubscriptionVersion;
}
