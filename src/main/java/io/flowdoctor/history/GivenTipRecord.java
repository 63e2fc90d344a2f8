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

/** A repair tip an audited diagnosis gave. */
@Entity
@Table(name = "diagnosis_tip")
@IdClass(GivenTipRecord.Key.class)
public class GivenTipRecord extends PanacheEntityBase {

    @Id
    @ManyToOne
    @JoinColumn(name = "diagnosis_id")
    public DiagnosisRecord diagnosis;

    @Id
    @Column(name = "tip_id")
    public String tipId;

    /** The composite key: diagnosis and tip id. */
    public static class Key implements Serializable {
        public UUID diagnosis;
        public String tipId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(diagnosis, key.diagnosis) && Objects.equals(tipId, key.tipId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(diagnosis, tipId);
        }
    }
}
