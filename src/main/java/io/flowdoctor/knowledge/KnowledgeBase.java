package io.flowdoctor.knowledge;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the rules and the answers draw on from knowledge-base/: tips and other texts (escalation reasons,
 * answer phrases) in every language, each rule's evidence by rule id, the lexicon of signals, support links,
 * the retry policy, failing-step hints and the connector catalog.
 * Immutable; a new rule base version comes with a new instance.
 */
public record KnowledgeBase(
        Map<String, Tip> tips,
        Map<String, Map<Language, String>> texts,
        SupportSettings support,
        RetryPolicy retryPolicy,
        FailingStepHints failingStep,
        Map<String, Connector> connectorsByName,
        EmailTemplates emailTemplates,
        Map<String, Map<Language, String>> evidence,
        Lexicon lexicon,
        SideEffects sideEffects,
        Precedence precedence,
        Glossary glossary) {

    /** The repair-tips e-mail's Qute templates (knowledge-base/email/), as text. */
    public record EmailTemplates(String html, String text) {
    }

    /** The id rules use for every custom connector. */
    public static final String CUSTOM_CONNECTOR = "custom";

    /**
     * Custom connector API names end in "-5f" (an encoded "_") and the 16 hex digits of a hash the
     * platform appends, e.g. contoso-5fcontoso-20stripe-20api-5f6a4f91c8025d1333; Microsoft's own
     * connector ids never do. Linear on any input: one class, a literal and a bounded count.
     */
    private static final Pattern CUSTOM_CONNECTOR_API_NAME = Pattern.compile("[a-z0-9-]+-5f[0-9a-f]{16}");

    public KnowledgeBase {
        tips = Map.copyOf(tips);
        texts = Map.copyOf(texts);
        connectorsByName = Map.copyOf(connectorsByName);
        evidence = Map.copyOf(evidence);
        glossary = glossary == null ? Glossary.empty() : glossary;
    }

    public boolean hasTip(String tipId) {
        return tips.containsKey(tipId);
    }

    public boolean hasText(String textId) {
        return texts.containsKey(textId);
    }

    /** The tip with its texts in every language, glossary references as written. */
    public Tip tip(String tipId) {
        Tip tip = tips.get(tipId);
        if (tip == null) {
            throw new IllegalArgumentException("Unknown tip id: " + tipId);
        }
        return tip;
    }

    /**
     * The tip's title, what happened and steps in the wanted language, glossary references filled in; every tip exists in
     * every language (the loader checks).
     */
    public TipText tip(String tipId, Language language) {
        Tip tip = tip(tipId);
        return new TipText(ui(tip.title(), language), ui(tip.whatHappened(), language),
                tip.steps().stream().map(step -> ui(step.text(), language)).toList());
    }

    /** A tip's text in the language with its glossary references filled in; null when the tip has no such text. */
    public String ui(Map<Language, String> texts, Language language) {
        return texts == null || texts.isEmpty() ? null : glossary.render(texts.get(language), language);
    }

    public boolean hasEvidence(String ruleId) {
        return evidence.containsKey(ruleId);
    }

    /** What a rule saw, in the wanted language; null for a rule that draws no finding. */
    public String evidence(String ruleId, Language language) {
        Map<Language, String> inLanguages = evidence.get(ruleId);
        return inLanguages == null ? null : inLanguages.get(language);
    }

    public String text(String textId, Language language) {
        Map<Language, String> inLanguages = texts.get(textId);
        if (inLanguages == null) {
            throw new IllegalArgumentException("Unknown text id: " + textId);
        }
        return inLanguages.get(language);
    }

    /** Whether the API behind the connector (an id as {@link #connectorId} gives it) is the maker's own or chosen. */
    public boolean makersApi(String connectorId) {
        Connector connector = connectorsByName.get(connectorId);
        return connector != null && connector.makersApi();
    }

    /**
     * The connector id rules use, from whatever the caller sent: "office365users", "shared_office365users",
     * "/providers/Microsoft.PowerApps/apis/shared_office365users" or a display name such as "Office 365 Users".
     */
    public String connectorId(String sent) {
        if (sent == null || sent.isBlank()) {
            return "";
        }
        String name = sent.strip().toLowerCase(Locale.ROOT);
        name = name.substring(name.lastIndexOf('/') + 1);
        if (name.startsWith("shared_")) {
            name = name.substring("shared_".length());
        }
        if (CUSTOM_CONNECTOR_API_NAME.matcher(name).matches()) {
            return CUSTOM_CONNECTOR;
        }
        return Optional.ofNullable(connectorsByName.get(name)).map(Connector::id).orElse(name);
    }
}
