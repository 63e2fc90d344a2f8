package io.flowdoctor.history;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

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
