package io.flowdoctor.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.flowdoctor.FlowDoctorConfig;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * Knowledge gaps: failures the rules could not explain, one row per signature. A gap's row is created in a
 * short transaction of its own (like a flow's row) and counted in the diagnosis' transaction, which holds
 * the flow's lock and then the gap's, always in that order.
 */
@ApplicationScoped
public class KnowledgeGaps {

    private final int examplesKept;

    public KnowledgeGaps(FlowDoctorConfig config) {
        this.examplesKept = config.gaps().examplesKept();
    }

    /** A gap as the API shows it. */
    public record GapView(UUID id, String connector, String operation, String errorCode, String template,
            long occurrences, int flows, Instant firstSeen, Instant lastSeen, GapStatus status, String note,
            String coveredByRule, String coveredInVersion, Instant coveredAt, List<Example> examples) {
    }

    /** An audited diagnosis of the gap, and where the audit shows it. */
    public record Example(UUID diagnosisId, Instant recordedAt, String href) {

        Example(UUID diagnosisId, Instant recordedAt) {
            this(diagnosisId, recordedAt, "/api/v1/diagnoses/" + diagnosisId);
        }
    }

    /** Filters of the gap list; null means any. A gap matches a time range when it was seen within it. */
    public record GapQuery(String connector, GapStatus status, Instant from, Instant to, int page, int size) {
    }

    /**
     * Counts one unexplained failure in its gap, in the diagnosis' transaction. False, with nothing
     * written, when the gap has no row yet: {@link #ensureExists} first, then the diagnosis again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean count(GapSignature signature, String flowId, UUID diagnosisId, Instant failedAt, Instant recordedAt) {
        KnowledgeGap gap = KnowledgeGap.<KnowledgeGap> find("signatureHash", signature.hash())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (gap == null) {
            return false;
        }
        gap.occurrences++;
        if (failedAt.isBefore(gap.firstSeen)) {
            gap.firstSeen = failedAt;
        }
        if (failedAt.isAfter(gap.lastSeen)) {
            gap.lastSeen = failedAt;
        }
        if (gap.status == GapStatus.COVERED) {
            // The rules that covered its examples do not explain this one.
            gap.status = GapStatus.OPEN;
        }
        if (KnowledgeGapFlow.findById(new KnowledgeGapFlow.Key(gap.id, flowId)) == null) {
            KnowledgeGapFlow flow = new KnowledgeGapFlow();
            flow.gapId = gap.id;
            flow.flowId = flowId;
            flow.persist();
            gap.flows++;
        }
        KnowledgeGapExample example = new KnowledgeGapExample();
        example.gapId = gap.id;
        example.diagnosisId = diagnosisId;
        example.recordedAt = recordedAt;
        example.persist();
        List<KnowledgeGapExample> examples = KnowledgeGapExample.<KnowledgeGapExample> find("gapId",
                Sort.descending("recordedAt"), gap.id).list();
        examples.stream().skip(examplesKept).filter(old -> !old.diagnosisId.equals(diagnosisId))
                .forEach(KnowledgeGapExample::delete);
        return true;
    }

    /** Creates the gap's row unless it exists; never inside a transaction (see {@link FlowStates}). */
    @Transactional(Transactional.TxType.NEVER)
    public void ensureExists(GapSignature signature, Instant seen) {
        String hash = signature.hash();
        if (exists(hash)) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                KnowledgeGap gap = new KnowledgeGap();
                gap.id = UUID.randomUUID();
                gap.signatureHash = hash;
                gap.connector = signature.connector();
                gap.operation = signature.operation();
                gap.errorCode = signature.errorCode();
                gap.template = signature.template();
                gap.firstSeen = seen;
                gap.lastSeen = seen;
                gap.status = GapStatus.OPEN;
                gap.persist();
            });
        } catch (RuntimeException e) {
            // Another diagnosis may have created it first, which is all that was asked.
            if (!exists(hash)) {
                throw e;
            }
        }
    }

    /** Largest first. */
    @Transactional
    public PageOf<GapView> list(GapQuery query) {
        StringBuilder where = new StringBuilder("occurrences > 0");
        Parameters parameters = new Parameters();
        QueryFilters.and(where, parameters, "connector = :connector", "connector",
                query.connector() == null ? null : query.connector().strip().toLowerCase(java.util.Locale.ROOT));
        QueryFilters.and(where, parameters, "status = :status", "status", query.status());
        QueryFilters.and(where, parameters, "lastSeen >= :from", "from", query.from());
        QueryFilters.and(where, parameters, "firstSeen < :to", "to", query.to());
        PanacheQuery<KnowledgeGap> found = KnowledgeGap.find(where.toString(),
                Sort.descending("occurrences").and("lastSeen", Sort.Direction.Descending).and("id"), parameters);
        List<GapView> items = new ArrayList<>();
        for (KnowledgeGap gap : found.page(Page.of(query.page(), query.size())).list()) {
            items.add(view(gap));
        }
        return new PageOf<>(items, query.page(), query.size(), found.count());
    }

    @Transactional
    public Optional<GapView> find(UUID id) {
        return KnowledgeGap.<KnowledgeGap> findByIdOptional(id).map(KnowledgeGaps::view);
    }

    /** An analyst's decision: dismiss with a note, or open again. */
    @Transactional
    public Optional<GapView> decide(UUID id, GapStatus status, String note) {
        Optional<KnowledgeGap> found = KnowledgeGap.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        found.ifPresent(gap -> {
            gap.status = status;
            if (note != null) {
                gap.note = note;
            }
        });
        return found.map(KnowledgeGaps::view);
    }

    /** The replay input of the gap's latest example that has one. */
    @Transactional
    public Optional<RecordedInputs.Recorded> latestExample(UUID gapId) {
        return KnowledgeGapExample.<KnowledgeGapExample> find("gapId", Sort.descending("recordedAt"), gapId).stream()
                .map(example -> DiagnosisRecord.<DiagnosisRecord> findById(example.diagnosisId))
                .filter(record -> record != null && record.replayInput != null)
                .findFirst()
                .map(record -> new RecordedInputs.Recorded(record.id, record.recordedAt, record.replayInput, record.answer));
    }

    /** The open gaps with their examples, to diagnose again with a new rule base. */
    @Transactional
    public List<GapView> open() {
        return KnowledgeGap.<KnowledgeGap> list("status = ?1 and occurrences > 0", GapStatus.OPEN).stream()
                .map(KnowledgeGaps::view).toList();
    }

    /** A rule base explains every example of the gap now: it stays visible as covered by that rule and version. */
    @Transactional
    public void cover(UUID id, String ruleId, String version, Instant at) {
        KnowledgeGap gap = KnowledgeGap.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (gap != null && gap.status == GapStatus.OPEN) {
            gap.status = GapStatus.COVERED;
            gap.coveredByRule = ruleId;
            gap.coveredInVersion = version;
            gap.coveredAt = at;
        }
    }

    private static GapView view(KnowledgeGap gap) {
        List<Example> examples = KnowledgeGapExample.<KnowledgeGapExample> find("gapId", Sort.descending("recordedAt"),
                gap.id).stream().map(example -> new Example(example.diagnosisId, example.recordedAt)).toList();
        return new GapView(gap.id, gap.connector, gap.operation, gap.errorCode, gap.template, gap.occurrences, gap.flows,
                gap.firstSeen, gap.lastSeen, gap.status, gap.note, gap.coveredByRule, gap.coveredInVersion, gap.coveredAt,
                examples);
    }

    private static boolean exists(String hash) {
        return QuarkusTransaction.requiringNew().call(() -> KnowledgeGap.count("signatureHash", hash) > 0);
    }

}
