package io.flowdoctor.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One failure of a flow, as reported. */
@Entity
@Table(name = "failure_record")
public class FailureRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "flow_id")
    public String flowId;

    @Column(name = "run_id")
    public String runId;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "diagnosis_id")
    public UUID diagnosisId;
}
