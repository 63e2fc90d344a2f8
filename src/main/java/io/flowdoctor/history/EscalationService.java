package io.flowdoctor.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.flowdoctor.Instants;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * Escalation cases, the support team's work queue. One case per flow and failure signature while it is
 * not resolved: a repeat adds to its count instead of opening another.
 */
@ApplicationScoped
public class EscalationService {

    /** A case as the API shows it. */
    public record CaseView(UUID id, String flowId, String signature, String level, CaseStatus status, String reason,
            Instant openedAt, Instant updatedAt, int occurrences, UUID firstDiagnosisId,
            UUID lastDiagnosisId, List<NoteView> notes) {
    }

    /** A note on a case, and who wrote it (null for notes older than that record). */
    public record NoteView(Instant writtenAt, String text, String author) {
    }

    /**
     * Opens a case, or counts a repeat on the open one. Runs in the diagnosis' transaction, which holds
     * the flow's lock, so two repeats cannot open two cases.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID openOrRepeat(String flowId, String signature, String level, String reason, UUID diagnosisId, Instant at) {
        Optional<EscalationCase> open = EscalationCase.find("flowId = ?1 and signature = ?2 and status <> ?3",
                flowId, signature, CaseStatus.RESOLVED).firstResultOptional();
        EscalationCase escalation = open.orElseGet(() -> {
            EscalationCase created = new EscalationCase();
            created.id = UUID.randomUUID();
            created.flowId = flowId;
            created.signature = signature;
            created.status = CaseStatus.OPEN;
            created.openedAt = at;
            created.firstDiagnosisId = diagnosisId;
            return created;
        });
        escalation.level = level;
        escalation.reason = reason;
        escalation.occurrences++;
        escalation.updatedAt = at;
        escalation.lastDiagnosisId = diagnosisId;
        if (open.isEmpty()) {
            escalation.persist();
        }
        return escalation.id;
    }

    @Transactional
    public PageOf<CaseView> list(CaseStatus status, int page, int size) {
        var found = status == null
                ? EscalationCase.<EscalationCase> findAll(Sort.descending("updatedAt").and("id"))
                : EscalationCase.<EscalationCase> find("status", Sort.descending("updatedAt").and("id"), status);
        List<CaseView> items = found.page(Page.of(page, size)).list().stream().map(c -> view(c, List.of())).toList();
        return new PageOf<>(items, page, size, found.count());
    }

    @Transactional
    public CaseView find(UUID id) {
        EscalationCase escalation = EscalationCase.<EscalationCase> findByIdOptional(id)
                .orElseThrow(() -> CaseProblem.notFound(id));
        return view(escalation, notes(id));
    }

    /**
     * The case a diagnosis belongs to: the one it opened or last repeated, else the latest case of its flow and
     * failure signature opened before it; empty when it escalated no case.
     */
    @Transactional
    public Optional<CaseView> forDiagnosis(UUID diagnosisId) {
        return DiagnosisRecord.<DiagnosisRecord> findByIdOptional(diagnosisId)
                .filter(record -> record.signature != null)
                .flatMap(record -> EscalationCase.<EscalationCase> find("flowId = ?1 and signature = ?2",
                        Sort.descending("openedAt").and("id"), record.flowId, record.signature).stream()
                        .filter(c -> diagnosisId.equals(c.firstDiagnosisId) || diagnosisId.equals(c.lastDiagnosisId)
                                || !c.openedAt.isAfter(record.recordedAt))
                        .findFirst())
                .map(c -> view(c, List.of()));
    }

    /** Moves the case to a new status and/or adds a note signed by its author; both optional, the transition checked. */
    @Transactional
    public CaseView change(UUID id, CaseStatus status, String note, String author) {
        EscalationCase escalation = EscalationCase.<EscalationCase> findByIdOptional(id)
                .orElseThrow(() -> CaseProblem.notFound(id));
        Instant now = Instants.now();
        if (status != null) {
            if (!escalation.status.canMoveTo(status)) {
                throw CaseProblem.invalidTransition(escalation.status, status);
            }
            escalation.status = status;
        }
        if (note != null && !note.isBlank()) {
            CaseNote written = new CaseNote();
            written.id = UUID.randomUUID();
            written.caseId = id;
            written.writtenAt = now;
            written.text = note.strip();
            written.author = author;
            written.persist();
        }
        escalation.updatedAt = now;
        return view(escalation, notes(id));
    }

    private static List<NoteView> notes(UUID caseId) {
        return CaseNote.<CaseNote> find("caseId", Sort.ascending("writtenAt").and("id"), caseId).stream()
                .map(note -> new NoteView(note.writtenAt, note.text, note.author))
                .toList();
    }

    private static CaseView view(EscalationCase c, List<NoteView> notes) {
        return new CaseView(c.id, c.flowId, c.signature, c.level, c.status, c.reason, c.openedAt, c.updatedAt,
                c.occurrences, c.firstDiagnosisId, c.lastDiagnosisId, notes);
    }
}
