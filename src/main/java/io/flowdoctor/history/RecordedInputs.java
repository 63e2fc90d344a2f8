package io.flowdoctor.history;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** The audited diagnoses that can be diagnosed again: what each read, and what it answered. */
@ApplicationScoped
public class RecordedInputs {

    /** One audited diagnosis: its replay input and its answer, both JSON. */
    public record Recorded(UUID diagnosisId, Instant recordedAt, String replayInput, String answer) {
    }

    /** Newest first: the page of the given size at the given index. */
    @Transactional
    public List<Recorded> newest(int page, int size) {
        return DiagnosisRecord.<DiagnosisRecord> find("replayInput is not null", Sort.descending("recordedAt").and("id"))
                .page(Page.of(page, size)).stream().map(RecordedInputs::recorded).toList();
    }

    @Transactional
    public List<Recorded> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return DiagnosisRecord.<DiagnosisRecord> find("id in ?1 and replayInput is not null", ids).stream()
                .map(RecordedInputs::recorded).toList();
    }

    private static Recorded recorded(DiagnosisRecord record) {
        return new Recorded(record.id, record.recordedAt, record.replayInput, record.answer);
    }
}
