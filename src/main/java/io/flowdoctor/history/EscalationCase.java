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

/** A support or administrator case opened by an escalating diagnosis; repeats add to it while it is open. */
@Entity
@Table(name = "escalation_case")
public class EscalationCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "flow_id")
    public String flowId;

    /** What makes two failures the same problem: category, primary rule, connector, operation, codes. */
    public String signature;

    public String level;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    public String reason;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public int occurrences;

    @Column(name = "first_diagnosis_id")
    public UUID firstDiagnosisId;

    @Column(name = "last_diagnosis_id")
    public UUID lastDiagnosisId;
}
