package io.flowdoctor.history;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What became of a diagnosis' advice. A narrow row beside the audit's: it changes after the diagnosis (marked
 * repeated, credited with a recovery), and the audit's row, with its answer and input, is written once.
 */
@Entity
@Table(name = "diagnosis_outcome")
public class DiagnosisOutcome extends PanacheEntityBase {

    @Id
    @Column(name = "diagnosis_id")
    public UUID diagnosisId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "diagnosis_id")
    public DiagnosisRecord diagnosis;

    @Column(name = "flow_id")
    public String flowId;

    /** Same flow and same signature: the same failure again. */
    public String signature;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** The same failure came again after this diagnosis. */
    public boolean repeated;

    /** When the flow recovered after this diagnosis, if it did within the effectiveness window. */
    @Column(name = "recovered_at")
    public Instant recoveredAt;

    @Column(name = "seconds_to_recovery")
    public Long secondsToRecovery;
}
