package io.flowdoctor.history;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A note on an escalation case. */
@Entity
@Table(name = "case_note")
public class CaseNote extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "written_at")
    public Instant writtenAt;

    public String text;

    /** Who wrote it: the API key's name or the user's principal name; null for notes older than the column. */
    public String author;
}
