package io.flowdoctor.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.diagnosis.Normalizer;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.diagnosis.RunReport.ReportedAction;
import io.flowdoctor.history.AuditEntry;
import io.flowdoctor.history.GapSignature;

/** What of a diagnosis goes into the audit and makes an escalation case's signature. */
final class AuditRecords {

    /** Failure messages carry names and addresses: the audit keeps only their start. */
    private static final int MESSAGE_EXCERPT = 300;
    /** Enough to recognise a step; a signature stays short however long the reported fields are. */
    private static final int SIGNATURE_PART = 100;
    /** The failing step is always kept; of the others, the first ones. */
    private static final int ACTIONS_KEPT = 20;

    private AuditRecords() {
    }

    static AuditEntry entry(RunReport run, Diagnosis diagnosis, String replayInput, String signature, ObjectMapper json) {
        return new AuditEntry(diagnosis.diagnosisId(), run.flowId(), run.flowName(), run.environmentId(), run.runId(),
                run.failedAt(), diagnosis.failedAction(), diagnosis.category().name(), diagnosis.escalation().level().name(),
                diagnosis.findings().isEmpty() ? null : diagnosis.findings().get(0).ruleId(),
                diagnosis.ruleSetVersion(), diagnosis.locale(), run.ownerEmail(), write(json, summary(run)),
                write(json, diagnosis), replayInput, signature,
                diagnosis.firedRules().stream().map(r -> new AuditEntry.FiredRule(r.ruleId(), r.rule(), r.file())).toList(),
                diagnosis.recommendations().stream().map(Diagnosis.RecommendationItem::tipId).distinct().toList());
    }

    /**
     * Two failures are the same problem when they have the same category and primary rule in the same
     * step of the same connector with the same codes; message texts differ in ids and names, so they are left out.
     */
    static String signature(Diagnosis diagnosis, RunReport run) {
        ReportedAction step = failingStep(diagnosis, run);
        String primaryRule = diagnosis.findings().isEmpty() ? "" : diagnosis.findings().get(0).ruleId();
        return Stream.of(diagnosis.category().name(), primaryRule, step.name(),
                Normalizer.identifier(step.connector()), Normalizer.identifier(step.operation()),
                step.statusCode() == null ? "" : step.statusCode().toString(), Normalizer.identifier(step.errorCode()))
                .map(part -> part.length() <= SIGNATURE_PART ? part : part.substring(0, SIGNATURE_PART))
                .collect(Collectors.joining("|"));
    }

    /** The knowledge gap an unexplained failure belongs to: its failing step's connector, operation, code and message. */
    static GapSignature gapSignature(Diagnosis diagnosis, RunReport run) {
        ReportedAction step = failingStep(diagnosis, run);
        return GapSignature.of(step.connector(), step.operation(), step.errorCode(), step.message());
    }

    static ReportedAction failingStep(Diagnosis diagnosis, RunReport run) {
        return run.actions().stream()
                .filter(action -> action.name().equals(diagnosis.failedAction()))
                .findFirst().orElse(run.actions().get(0));
    }

    private static Map<String, Object> summary(RunReport run) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("flowId", run.flowId());
        summary.put("flowName", run.flowName());
        summary.put("environmentId", run.environmentId());
        summary.put("runId", run.runId());
        summary.put("failedAt", run.failedAt().toString());
        if (run.owner() != null) {
            summary.put("owner", Map.of("email", String.valueOf(run.owner().email()),
                    "displayName", String.valueOf(run.owner().displayName())));
        }
        summary.put("actionCount", run.actions().size());
        summary.put("actions",
                run.actions().stream().limit(ACTIONS_KEPT).map(AuditRecords::action).collect(Collectors.toList()));
        return summary;
    }

    private static Map<String, Object> action(ReportedAction action) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", action.name());
        summary.put("status", action.status());
        summary.put("connector", action.connector());
        summary.put("operation", action.operation());
        summary.put("statusCode", action.statusCode());
        summary.put("errorCode", action.errorCode());
        summary.put("message", Normalizer.excerpt(action.message(), MESSAGE_EXCERPT));
        return summary;
    }

    private static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A diagnosis could not be written as JSON", e);
        }
    }

}
