package io.flowdoctor.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.diagnosis.Diagnosis.Explanation;
import io.flowdoctor.history.AuditEntry;
import io.flowdoctor.history.AuditService;
import io.flowdoctor.history.EscalationService;
import io.flowdoctor.intake.RepairTipsPreview;
import io.flowdoctor.lifecycle.ServingExplanation;

/**
 * Everything the page of one diagnosis shows, from the audit: the run's actions, the answer as given, every fired
 * rule with the facts it matched, the repair-tips e-mail and the related case. The audit keeps matched facts only for
 * answers asked with explain=true; for the others they come from the stored input diagnosed again by the serving
 * rules, and the page says so.
 */
@ApplicationScoped
public class DiagnosisView {

    /** A step of the run as the audit's request summary keeps it. */
    public record Action(String name, String status, String connector, String operation, String statusCode,
            String errorCode, String message, boolean failing) {
    }

    /** A fired rule with its explanation where there is one. */
    public record FiredRule(String ruleId, String rule, String file, Explanation explanation) {
    }

    private final AuditService audit;
    private final ServingExplanation explanations;
    private final RepairTipsPreview emails;
    private final EscalationService escalations;
    private final ObjectMapper json;

    public DiagnosisView(AuditService audit, ServingExplanation explanations, RepairTipsPreview emails,
            EscalationService escalations, ObjectMapper json) {
        this.audit = audit;
        this.explanations = explanations;
        this.emails = emails;
        this.escalations = escalations;
        this.json = json;
    }

    public Optional<Map<String, Object>> of(UUID id) {
        return audit.find(id).map(this::data);
    }

    private Map<String, Object> data(AuditService.Detail detail) {
        Diagnosis answer = read(detail.answer());
        List<Explanation> explained = answer.explanation();
        boolean explainedNow = explained == null;
        if (explainedNow) {
            explained = explanations.of(detail.id()).map(Diagnosis::explanation).orElse(List.of());
        }
        Map<String, Object> data = new HashMap<>();
        data.put("d", answer);
        data.put("flowName", text(detail.request(), "flowName"));
        data.put("failedAt", Instant.parse(detail.request().path("failedAt").asText()));
        data.put("actions", actions(detail.request(), answer.failedAction()));
        data.put("rules", firedRules(detail.firedRules(), explained));
        data.put("explainedNow", explainedNow && !explained.isEmpty());
        data.put("email", emails.of(detail.id()).orElse(null));
        data.put("escalationCase", escalations.forDiagnosis(detail.id()).orElse(null));
        return data;
    }

    private static List<FiredRule> firedRules(List<AuditEntry.FiredRule> fired, List<Explanation> explained) {
        List<FiredRule> rules = new ArrayList<>();
        for (AuditEntry.FiredRule rule : fired) {
            Explanation explanation = explained.stream().filter(e -> Objects.equals(e.ruleId(), rule.ruleId()))
                    .findFirst().orElse(null);
            rules.add(new FiredRule(rule.ruleId(), rule.rule(), rule.file(), explanation));
        }
        return rules;
    }

    private static List<Action> actions(JsonNode request, String failedAction) {
        List<Action> actions = new ArrayList<>();
        for (JsonNode action : request.path("actions")) {
            String name = text(action, "name");
            actions.add(new Action(name, text(action, "status"), text(action, "connector"), text(action, "operation"),
                    text(action, "statusCode"), text(action, "errorCode"), text(action, "message"),
                    Objects.equals(name, failedAction)));
        }
        return actions;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private Diagnosis read(JsonNode answer) {
        try {
            return json.treeToValue(answer, Diagnosis.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The audit holds an answer it cannot read back", e);
        }
    }
}
