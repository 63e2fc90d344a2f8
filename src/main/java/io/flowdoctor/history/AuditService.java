package io.flowdoctor.history;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.Instants;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** The support team's audit: every diagnosis with its request summary, answer and fired rules. */
@ApplicationScoped
public class AuditService {

    private static final int EXPORT_PAGE = 500;

    private final ObjectMapper json;
    private final RecordedInputs inputs;

    public AuditService(ObjectMapper json, RecordedInputs inputs) {
        this.json = json;
        this.inputs = inputs;
    }

    /**
     * A line of the export: what a diagnosis read and what it answered, so that a rule base can be tried on
     * it offline ({@code ./check-rules --replay FILE}).
     */
    public record ExportLine(UUID diagnosisId, Instant recordedAt, JsonNode input, JsonNode answer) {
    }

    /** A diagnosis in the audit list. */
    public record Summary(UUID id, String flowId, String flowName, String runId, Instant failedAt, Instant recordedAt,
            String failedAction, String category, String escalationLevel, String primaryRuleId,
            List<String> firedRuleIds, String ruleSetVersion) {
    }

    /** A diagnosis in full: the summary of its request and the answer exactly as given. */
    public record Detail(UUID id, Instant recordedAt, List<AuditEntry.FiredRule> firedRules, JsonNode request,
            JsonNode answer) {
    }

    /** Records the entry in the caller's transaction and returns when. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Instant record(AuditEntry entry) {
        DiagnosisRecord record = new DiagnosisRecord();
        record.id = entry.id();
        record.flowId = entry.flowId();
        record.flowName = entry.flowName();
        record.environmentId = entry.environmentId();
        record.runId = entry.runId();
        record.failedAt = entry.failedAt();
        record.recordedAt = Instants.now();
        record.failedAction = entry.failedAction();
        record.category = entry.category();
        record.escalationLevel = entry.escalationLevel();
        record.primaryRuleId = entry.primaryRuleId();
        record.ruleSetVersion = entry.ruleSetVersion();
        record.locale = entry.locale();
        record.ownerEmail = entry.ownerEmail();
        record.requestSummary = entry.requestSummary();
        record.answer = entry.answer();
        record.replayInput = entry.replayInput();
        record.signature = entry.signature();
        for (AuditEntry.FiredRule rule : entry.firedRules()) {
            FiredRuleRecord fired = new FiredRuleRecord();
            fired.diagnosis = record;
            fired.ruleId = rule.ruleId();
            fired.ruleName = rule.rule();
            fired.ruleFile = rule.file();
            record.firedRules.add(fired);
        }
        for (String tipId : entry.tipIds()) {
            GivenTipRecord tip = new GivenTipRecord();
            tip.diagnosis = record;
            tip.tipId = tipId;
            record.tips.add(tip);
        }
        record.persist();
        DiagnosisOutcome outcome = new DiagnosisOutcome();
        outcome.diagnosis = record;
        outcome.flowId = record.flowId;
        outcome.signature = record.signature;
        outcome.recordedAt = record.recordedAt;
        outcome.persist();
        return record.recordedAt;
    }

    @Transactional
    public PageOf<Summary> list(AuditQuery query) {
        StringBuilder where = new StringBuilder("from DiagnosisRecord d where 1 = 1");
        Parameters parameters = new Parameters();
        QueryFilters.and(where, parameters, "d.flowId = :flowId", "flowId", query.flowId());
        QueryFilters.and(where, parameters, "d.category = :category", "category", query.category());
        QueryFilters.and(where, parameters, "d.escalationLevel = :escalation", "escalation", query.escalationLevel());
        QueryFilters.and(where, parameters, "d.failedAt >= :from", "from", query.from());
        QueryFilters.and(where, parameters, "d.failedAt < :to", "to", query.to());
        QueryFilters.and(where, parameters,
                "exists (select 1 from FiredRuleRecord r where r.diagnosis = d and r.ruleId = :ruleId)", "ruleId",
                query.ruleId());
        PanacheQuery<DiagnosisRecord> found = DiagnosisRecord.find(where.toString(),
                Sort.descending("recordedAt").and("id"), parameters);
        List<Summary> items = new ArrayList<>();
        for (DiagnosisRecord record : found.page(Page.of(query.page(), query.size())).list()) {
            items.add(summary(record));
        }
        return new PageOf<>(items, query.page(), query.size(), found.count());
    }

    /** The answer of a diagnosis exactly as given (JSON), in the caller's transaction; empty once purged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> answer(UUID id) {
        return DiagnosisRecord.<DiagnosisRecord> findByIdOptional(id).map(record -> record.answer);
    }

    @Transactional
    public Optional<Detail> find(UUID id) {
        return DiagnosisRecord.<DiagnosisRecord> findByIdOptional(id).map(record -> new Detail(record.id, record.recordedAt,
                record.firedRules.stream().map(r -> new AuditEntry.FiredRule(r.ruleId, r.ruleName, r.ruleFile)).toList(),
                parse(record.requestSummary), parse(record.answer)));
    }

    /** The latest diagnoses that can be replayed, newest first, as JSON lines; each page read in its own transaction. */
    public void export(int last, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        int written = 0;
        for (int page = 0; written < last; page++) {
            List<RecordedInputs.Recorded> batch = inputs.newest(page, EXPORT_PAGE);
            for (RecordedInputs.Recorded recorded : batch) {
                if (written == last) {
                    break;
                }
                writer.write(json.writeValueAsString(new ExportLine(recorded.diagnosisId(), recorded.recordedAt(),
                        parse(recorded.replayInput()), parse(recorded.answer()))));
                writer.write('\n');
                written++;
            }
            if (batch.size() < EXPORT_PAGE) {
                break;
            }
        }
        writer.flush();
    }

    private static Summary summary(DiagnosisRecord record) {
        return new Summary(record.id, record.flowId, record.flowName, record.runId, record.failedAt, record.recordedAt,
                record.failedAction, record.category, record.escalationLevel, record.primaryRuleId,
                record.firedRules.stream().map(rule -> rule.ruleId).sorted().toList(), record.ruleSetVersion);
    }

    private JsonNode parse(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The audit holds JSON it cannot read back", e);
        }
    }
}
