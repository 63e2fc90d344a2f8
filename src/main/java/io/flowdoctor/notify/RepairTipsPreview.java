package io.flowdoctor.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.history.DiagnosisRecord;
import io.flowdoctor.history.OutboxEmail;
import io.flowdoctor.rulebase.ActiveRuleBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/**
 * What the owner receives for a diagnosis: the queued or sent e-mail itself where there is one, else
 * the e-mail the diagnosis would produce with today's templates and texts.
 */
@ApplicationScoped
public class RepairTipsPreview {

    private final RepairTipsRenderer renderer;
    private final ActiveRuleBase ruleBase;
    private final ObjectMapper json;

    public RepairTipsPreview(RepairTipsRenderer renderer, ActiveRuleBase ruleBase, ObjectMapper json) {
        this.renderer = renderer;
        this.ruleBase = ruleBase;
        this.json = json;
    }

    @Transactional
    public Optional<RenderedEmail> of(UUID diagnosisId) {
        Optional<OutboxEmail> queued = OutboxEmail.<OutboxEmail>find("diagnosisId", diagnosisId).firstResultOptional();
        if (queued.isPresent()) {
            return queued.map(email -> new RenderedEmail(email.subject, email.html, email.text));
        }
        return DiagnosisRecord.<DiagnosisRecord>findByIdOptional(diagnosisId).map(record -> renderer.render(ruleBase.current().knowledge(),
                new RepairTipsRenderer.Flow(record.flowId, record.flowName, record.environmentId, ownerOf(record)),
                read(record.answer)));
    }

    private String ownerOf(DiagnosisRecord record) {
        try {
            var owner = json.readTree(record.requestSummary).path("owner").path("email");
            return owner.isTextual() ? owner.asText() : "";
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    private Diagnosis read(String answer) {
        try {
            return json.readValue(answer, Diagnosis.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The audit holds an answer it cannot read back", e);
        }
    }
}
