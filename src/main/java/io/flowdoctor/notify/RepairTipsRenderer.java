package io.flowdoctor.notify;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.diagnosis.EscalationLevel;
import io.flowdoctor.knowledge.KnowledgeBase;
import io.flowdoctor.knowledge.Language;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the seed's repair-tips e-mail for a diagnosis: When, What happened, How to fix and
 * Troubleshooting tips, in the diagnosis' language, from the Qute templates and texts of the knowledge
 * base that is active.
 */
@ApplicationScoped
public class RepairTipsRenderer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final List<String> LABELS = List.of("when", "whatHappened", "howToFix", "troubleshootingTips",
            "resubmit", "fixMyFlow", "escalated", "unsubscribe");

    private final Engine engine;
    private final FlowDoctorConfig config;
    private final UnsubscribeTokens tokens;

    public RepairTipsRenderer(Engine engine, FlowDoctorConfig config, UnsubscribeTokens tokens) {
        this.engine = engine;
        this.config = config;
        this.tokens = tokens;
    }

    /** The flow the e-mail is about, as the request named it. */
    public record Flow(String flowId, String flowName, String environmentId, String ownerEmail) {
    }

    public RenderedEmail render(KnowledgeBase knowledge, Flow flow, Diagnosis diagnosis) {
        Language language = Language.resolve(diagnosis.locale(), null);
        String flowName = Objects.requireNonNullElse(flow.flowName(), flow.flowId());
        Diagnosis.TroubleshootingTips counts = diagnosis.repairTips().troubleshootingTips();
        String firstFailedAt = WHEN.format(counts.firstFailedAt());

        Map<String, Object> data = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        LABELS.forEach(label -> labels.put(label, knowledge.text("email." + label, language)));
        String title = diagnosis.recommendations().isEmpty() ? diagnosis.category().name() : diagnosis.recommendations().get(0).title();
        String subject = knowledge.text("email.subject", language).replace("{flowName}", flowName).replace("{title}", title);
        data.put("label", labels);
        data.put("lang", language.code());
        data.put("subject", subject);
        data.put("intro", knowledge.text("email.intro", language).replace("{flowName}", flowName));
        data.put("whenValue", knowledge.text("email.whenValue", language).replace("{firstFailedAt}", firstFailedAt));
        data.put("whatHappened", diagnosis.whatHappened());
        data.put("tips", diagnosis.recommendations().stream()
                .map(tip -> Map.of("title", tip.title(), "steps", tip.steps()))
                .toList());
        data.put("escalation", escalation(diagnosis.escalation()));
        data.put("failureCount", knowledge.text("email.failureCount", language)
                .replace("{count}", String.valueOf(counts.failureCount())).replace("{firstFailedAt}", firstFailedAt));
        data.put("resubmitUrl", counts.resubmitUrl());
        data.put("fixUrl", fixUrl(flow));
        data.put("unsubscribeUrl", config.email().publicUrl() + "/api/v1/unsubscribe?token="
                + tokens.sign(flow.flowId(), flow.ownerEmail()));

        KnowledgeBase.EmailTemplates templates = knowledge.emailTemplates();
        String html = engine.parse(templates.html(), Variant.forContentType(Variant.TEXT_HTML)).data(data).render();
        String text = engine.parse(templates.text(), Variant.forContentType(Variant.TEXT_PLAIN)).data(data).render();
        return new RenderedEmail(subject, html, text.strip() + "\n");
    }

    private static Map<String, Object> escalation(Diagnosis.EscalationItem escalation) {
        if (escalation.level() == EscalationLevel.NONE) {
            return null;
        }
        return Map.of("reason", Objects.requireNonNullElse(escalation.reason(), ""),
                "links", escalation.links().stream().map(link -> Map.of("title", link.title(), "url", link.url())).toList());
    }

    private String fixUrl(Flow flow) {
        return config.email().editUrlTemplate()
                .filter(template -> !template.contains("{environmentId}") || flow.environmentId() != null)
                .map(template -> template
                        .replace("{environmentId}", encode(flow.environmentId()))
                        .replace("{flowId}", encode(flow.flowId())))
                .orElse(null);
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
