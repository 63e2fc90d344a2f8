package io.flowdoctor.notify;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
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
    private static final DateTimeFormatter WHEN_IN_ZONE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '('VV')'");
    private static final List<String> LABELS = List.of("when", "whatHappened", "howToFix", "troubleshootingTips",
            "resubmit", "fixMyFlow", "unsubscribe", "failedStep", "who", "verify", "resubmitCheck");

    /** A tip as the e-mail shows it: each step with who acts, in the e-mail's language. */
    public record ShownTip(String title, List<ShownStep> steps, String verify, String resubmitCheck) {
    }

    /** A step and who acts in it; {@code who} is null when not known. */
    public record ShownStep(String text, String who) {
    }

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
        String firstFailedAt = when(notice.firstFailedAt(), notice.timeZone());
        String ownerName = notice.ownerName() == null || notice.ownerName().isBlank() ? null : notice.ownerName().strip();
        Map<String, Object> values = new HashMap<>(Map.of("flowName", flowName, "title", notice.title(), "firstFailedAt",
                firstFailedAt, "count", notice.failureCount(), "action",
                Objects.requireNonNullElse(notice.failedAction(), "-")));
        if (ownerName != null) {
            values.put("ownerName", ownerName);
        }

        Map<String, Object> data = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        LABELS.forEach(label -> labels.put(label, knowledge.text("email." + label, language)));
        data.put("label", labels);
        data.put("lang", language.code());
        data.put("subject", Placeholders.fill(knowledge.text("email.subject", language), values));
        data.put("intro", Placeholders.fill(knowledge.text("email.intro", language), values));
        data.put("greeting", ownerName == null ? knowledge.text("email.greeting.generic", language)
                : Placeholders.fill(knowledge.text("email.greeting", language), values));
        data.put("flowName", flowName);
        data.put("failedAction", notice.failedAction());
        data.put("shownTips", notice.tips().stream().map(tip -> shown(tip, knowledge, language)).toList());
        data.put("whenValue", Placeholders.fill(knowledge.text("email.whenValue", language), values));
        data.put("whatHappened", notice.whatHappened());
        data.put("tips", notice.tips());
        data.put("escalation", notice.escalation());
        data.put("escalated",
                notice.escalation() == null ? null : knowledge.text(escalatedLabel(notice.escalation()), language));
        // "failed once", "failed 3 times": the plural is the text's, not a "(s)".
        data.put("failureCount", Placeholders.fill(
                knowledge.text(notice.failureCount() == 1 ? "email.failureCount.one" : "email.failureCount", language),
                values));
        data.put("resubmitUrl", notice.resubmitUrl());
        data.put("fixUrl", fixUrl);
        data.put("unsubscribeUrl", unsubscribeUrl);
        return data;
    }

    /** A time in the owner's time zone, named; in UTC, said so, when the request gave none. */
    static String when(Instant instant, String timeZone) {
        if (timeZone != null && !timeZone.isBlank()) {
            try {
                return WHEN_IN_ZONE.format(instant.atZone(ZoneId.of(timeZone.strip())));
            } catch (DateTimeException unknownZone) {
                // checked where the request is read; an old answer falls back to UTC
            }
        }
        return WHEN.format(instant);
    }

    private static ShownTip shown(FailureNotice.Tip tip, KnowledgeBase knowledge, Language language) {
        List<ShownStep> steps = tip.actions().stream()
                .map(step -> new ShownStep(step.text(),
                        step.actor() == null || !knowledge.hasText("email.actor." + step.actor())
                                ? null
                                : knowledge.text("email.actor." + step.actor(), language)))
                .toList();
        return new ShownTip(tip.title(), steps, tip.verify(), tip.resubmitCheck());
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
