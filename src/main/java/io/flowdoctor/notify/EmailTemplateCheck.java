package io.flowdoctor.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flowdoctor.knowledge.KnowledgeBase;
import io.flowdoctor.knowledge.Language;
import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateException;

/**
 * Part of the reload gate: the repair-tips e-mail templates (knowledge-base/email/) must parse, and render
 * with sample data in every language, each branch of them (with and without tips, escalation and links).
 * A template that does not would otherwise be found by the first diagnosis that names an owner.
 */
public final class EmailTemplateCheck {

    private static final String HTML = "knowledge-base/email/repair-tips.html";
    private static final String TEXT = "knowledge-base/email/repair-tips.txt";

    /**
     * Rendering as the service renders: strict, so a misspelt name is an error and not an empty text.
     * Reflection stands in for the resolvers Quarkus generates for the e-mail's records.
     */
    private static final Engine ENGINE = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
            .strictRendering(true).build();

    private EmailTemplateCheck() {
    }

    /** Each problem as "file: what is wrong", or none. */
    public static List<String> problems(KnowledgeBase knowledge) {
        List<String> problems = new ArrayList<>();
        parse(knowledge.emailTemplates().html(), HTML, problems);
        parse(knowledge.emailTemplates().text(), TEXT, problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        for (Language language : Language.values()) {
            for (FailureNotice notice : samples(language)) {
                try {
                    RepairTipsRenderer.render(ENGINE, knowledge, notice, "https://example.org/fix",
                            "https://example.org/unsubscribe");
                } catch (RuntimeException e) {
                    problems.add("knowledge-base/email: the repair-tips e-mail (" + language.code() + ") cannot be rendered: "
                            + firstLine(e));
                    break;
                }
            }
        }
        return problems;
    }

    private static void parse(String template, String file, List<String> problems) {
        try {
            ENGINE.parse(template);
        } catch (TemplateException e) {
            problems.add(file + ": " + firstLine(e));
        }
    }

    /** A notice with everything an e-mail can show, and one with as little as it can. */
    private static List<FailureNotice> samples(Language language) {
        FailureNotice.Escalation escalation = new FailureNotice.Escalation("SUPPORT", "A reason.",
                List.of(new FailureNotice.Link("Help", "https://example.org/help")));
        FailureNotice full = new FailureNotice(UUID.randomUUID(), "flow-1", "Leave request", "Default-1", "owner@example.org",
                language.code(), "A title", "What happened.",
                List.of(new FailureNotice.Tip("A tip", List.of("First step", "Second step"),
                        List.of(new FailureNotice.Step("First step", "maker"),
                                new FailureNotice.Step("Second step", "resource-owner")),
                        "It works.", "Check the list first.")),
                escalation, 3, Instant.parse("2026-01-15T09:30:00Z"), "https://example.org/resubmit", 4, "Megan Bowen",
                "Get manager (V2)", "Europe/Amsterdam");
        FailureNotice bare = new FailureNotice(UUID.randomUUID(), "flow-1", null, null, null, language.code(), "A title",
                "What happened.", List.of(), null, 1, Instant.parse("2026-01-15T09:30:00Z"), null, null);
        return List.of(full, bare);
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
