package io.flowdoctor.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The audit of one diagnosis: what was asked, what was answered, which rules fired. */
@Entity
@Table(name = "diagnosis_record")
public class DiagnosisRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "flow_id")
    public String flowId;

    @Column(name = "flow_name")
    public String flowName;

    @Column(name = "environment_id")
    public String environmentId;

    @Column(name = "run_id")
    public String runId;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "failed_action")
    public String failedAction;

    public String category;

    @Column(name = "escalation_level")
    public String escalationLevel;

    @Column(name = "primary_rule_id")
    public String primaryRuleId;

    @Column(name = "rule_set_version")
    public String ruleSetVersion;

    public String locale;

    @Column(name = "owner_email")
    public String ownerEmail;

    /** JSON: the request without the full messages. */
    @Column(name = "request_summary", length = 1000000)
    public String requestSummary;

    /** JSON: the answer exactly as it was given. */
    @Column(length = 1000000)
    public String answer;

    /** JSON: the run as the rules saw it and its failure history, to diagnose it again with other rules. */
    @Column(name = "replay_input", length = 1000000)
    public String replayInput;

    /** Same flow and same signature: the same failure again. */
    public String signature;

    @OneToMany(mappedBy = "diagnosis", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    public List<FiredRuleRecord> firedRules = new ArrayList<>();

    @OneToMany(mappedBy = "diagnosis", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    public List<GivenTipRecord> tips = new ArrayList<>();
}
