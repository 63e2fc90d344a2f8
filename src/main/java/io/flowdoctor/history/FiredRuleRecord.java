package io.flowdoctor.history;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A rule that fired in an audited diagnosis. */
@Entity
@Table(name = "diagnosis_rule")
@IdClass(FiredRuleRecord.Key.class)
public class FiredRuleRecord extends PanacheEntityBase {

    @Id
    @ManyToOne
    @JoinColumn(name = "diagnosis_id")
    public DiagnosisRecord diagnosis;

    @Id
    @Column(name = "rule_id")
    public String ruleId;

    @Column(name = "rule_name")
    public String ruleName;

    @Column(name = "rule_file")
    public String ruleFile;

    /** The composite key: diagnosis and rule id. */
    public static class Key implements Serializable {
        public UUID diagnosis;
        public String ruleId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(diagnosis, key.diagnosis) && Objects.equals(ruleId, key.ruleId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(diagnosis, ruleId);
        }
    }
}
