package io.flowdoctor.notify;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriBuilder;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.Instants;
import io.flowdoctor.knowledge.KnowledgeBase;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.knowledge.Placeholders;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Variant;

/**
 * Writes the seed's repair-tips e-mail for a diagnosis: When, What happened, How to fix and
 * Troubleshooting tips, in the diagnosis' language, from the Qute templates and texts of the knowledge
 * base that is active.
 */
@ApplicationScoped
public class RepairTipsRenderer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final List<String> LABELS = List.of("when", "whatHappened", "howToFix", "troubleshootingTips",
            "resubmit", "fixMyFlow", "unsubscribe");

    private final Engine engine;
    private final FlowDoctorConfig config;
    private final UnsubscribeTokens tokens;

    public RepairTipsRenderer(Engine engine, FlowDoctorConfig config, UnsubscribeTokens tokens) {
        this.engine = engine;
        this.config = config;
        this.tokens = tokens;
    }

    /**
     * @param subscriptionVersion the flow's e-mail subscription version, which the unsubscribe link carries
     */
    public RenderedEmail render(KnowledgeBase knowledge, FailureNotice notice, long subscriptionVersion) {
        String unsubscribeUrl = UriBuilder.fromUri(config.email().publicUrl()).path("api/v1/unsubscribe")
                .queryParam("token", tokens.sign(notice.flowId(), subscriptionVersion,
                        Instants.now().plus(config.email().unsubscribeValidFor())))
                .build().toString();
        return render(engine, knowledge, notice, fixUrl(notice), unsubscribeUrl);
    }

    /** The e-mail from the knowledge base's templates and texts, with the links given; the same for the gate's check. */
    static RenderedEmail render(Engine engine, KnowledgeBase knowledge, FailureNotice notice, String fixUrl,
            String unsubscribeUrl) {
        Map<String, Object> data = data(knowledge, notice, fixUrl, unsubscribeUrl);
        KnowledgeBase.EmailTemplates templates = knowledge.emailTemplates();
        String html = engine.parse(templates.html(), Variant.forContentType(Variant.TEXT_HTML)).data(data).render();
        String text = engine.parse(templates.text(), Variant.forContentType(Variant.TEXT_PLAIN)).data(data).render();
        // A header ends at a line break: whatever reaches the subject is kept on one line.
        String subject = ControlCharacters.oneLine((String) data.get("subject"));
        return new RenderedEmail(subject, html, text.strip() + "\n", unsubscribeUrl);
    }

    private static Map<String, Object> data(KnowledgeBase knowledge, FailureNotice notice, String fixUrl,
            String unsubscribeUrl) {
        Language language = Language.resolve(notice.locale(), null);
        String flowName = Objects.requireNonNullElse(notice.flowName(), notice.flowId());
        String firstFailedAt = WHEN.format(notice.firstFailedAt());
        Map<String, Object> values = Map.of("flowName", flowName, "title", notice.title(), "firstFailedAt", firstFailedAt,
                "count", notice.failureCount());

        Map<String, Object> data = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        LABELS.forEach(label -> labels.put(label, knowledge.text("email." + label, language)));
        data.put("label", labels);
        data.put("lang", language.code());
        data.put("subject", Placeholders.fill(knowledge.text("email.subject", language), values));
        data.put("intro", Placeholders.fill(knowledge.text("email.intro", language), values));
        data.put("whenValue", Placeholders.fill(knowledge.text("email.whenValue", language), values));
        data.put("whatHappened", notice.whatHappened());
        data.put("tips", notice.tips());
        data.put("escalation", notice.escalation());
        data.put("escalated",
                notice.escalation() == null ? null : knowledge.text(escalatedLabel(notice.escalation()), language));
        data.put("failureCount", Placeholders.fill(knowledge.text("email.failureCount", language), values));
        data.put("resubmitUrl", notice.resubmitUrl());
        data.put("fixUrl", fixUrl);
        data.put("unsubscribeUrl", unsubscribeUrl);
        return data;
    }

    /** The sentence before the reason says who must act, so it follows the level: e.g. email.escalated.self-help. */
    static String escalatedLabel(FailureNotice.Escalation escalation) {
        return "email.escalated." + escalation.level().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private String fixUrl(FailureNotice notice) {
        Map<String, String> ids = new HashMap<>();
        ids.put("environmentId", notice.environmentId());
        ids.put("flowId", notice.flowId());
        return config.email().editUrlTemplate().flatMap(template -> Placeholders.link(template, ids)).orElse(null);
    }
}
