package io.flowdoctor.intake;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.history.DiagnosisRecord;
import io.flowdoctor.history.FlowState;
import io.flowdoctor.history.OutboxEmail;
import io.flowdoctor.notify.RenderedEmail;
import io.flowdoctor.notify.RepairTipsRenderer;
import io.flowdoctor.rulebase.ActiveRuleBase;

/**
 * What the owner receives for a diagnosis: the queued or sent e-mail itself where there is one, else
 * the e-mail the audited answer would produce with today's templates and texts.
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
        Optional<OutboxEmail> queued = OutboxEmail.<OutboxEmail> find("diagnosisId", diagnosisId).firstResultOptional();
        if (queued.isPresent()) {
            return queued.map(email -> new RenderedEmail(email.subject, email.html, email.text, email.unsubscribeUrl));
        }
        return DiagnosisRecord.<DiagnosisRecord> findByIdOptional(diagnosisId)
                .map(record -> renderer.render(ruleBase.current().knowledge(),
                        FailureNotices.of(read(record.answer), record.flowName, record.environmentId, record.ownerEmail),
                        subscriptionVersion(record.flowId)));
    }

    private static long subscriptionVersion(String flowId) {
        FlowState state = FlowState.findById(flowId);
        return state == null ? 0 : state.emailSubscriptionVersion;
    }

    private Diagnosis read(String answer) {
        try {
            return json.readValue(answer, Diagnosis.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The audit holds an answer it cannot read back", e);
        }
    }
}
