package io.flowdoctor.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words and menu paths of today's interfaces in every language (knowledge-base/glossary/*.yaml). Tips write
 * {@code [ui:<key>]} and get the term of the answer's language here, so a path that moves is changed in one place.
 */
public record Glossary(Map<String, Map<Language, String>> terms) {

    /** A reference to a glossary entry in a text: [ui:run-history]. */
    public static final Pattern REFERENCE = Pattern.compile("\\[ui:([a-z0-9-]+)]");

    /**
     * English interface words a Dutch text must not use even where no entry spells them alone: the Dutch interface has
     * its own word for each.
     */
    public static final List<String> ENGLISH_UI_WORDS = List.of("run", "runs", "Resubmit", "Connections", "Run after",
            "Apply to each", "Compose", "Scope", "flow checker");

    /** Placeholders and quotations; a quote opens only where no letter precedes it (so "foto's" is prose). */
    private static final Pattern NOT_PROSE = Pattern
            .compile("\\{[^}]*}|\"[^\"]*\"|“[^”]*”|‘[^’]*’|(?<![\\p{L}])'[^']*'");

    public Glossary {
        terms = Map.copyOf(terms);
    }

    public static Glossary empty() {
        return new Glossary(Map.of());
    }

    public boolean has(String key) {
        return terms.containsKey(key);
    }

    /** The keys a text refers to, in order, each once. */
    public static Set<String> references(String text) {
        Set<String> keys = new LinkedHashSet<>();
        if (text != null) {
            Matcher matcher = REFERENCE.matcher(text);
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        return keys;
    }

    /** The text with every reference replaced by the term in the language; an unknown key stays as written. */
    public String render(String text, Language language) {
        if (text == null || text.indexOf("[ui:") < 0) {
            return text;
        }
        return REFERENCE.matcher(text).replaceAll(match -> {
            Map<Language, String> term = terms.get(match.group(1));
            return Matcher.quoteReplacement(term == null ? match.group() : term.get(language));
        });
    }

    /**
     * The English interface terms a Dutch text uses, each once: the single-word English terms of the glossary whose
     * Dutch term differs, and {@link #ENGLISH_UI_WORDS}, matched as whole words whatever their case. References to the
     * glossary, {placeholders} and quotations (a service's own English message, an expression's property name) are not
     * read.
     */
    public List<String> englishTermsIn(String dutch) {
        if (dutch == null || dutch.isBlank()) {
            return List.of();
        }
        String text = NOT_PROSE.matcher(REFERENCE.matcher(dutch).replaceAll(" ")).replaceAll(" ");
        List<String> found = new ArrayList<>();
        for (String term : englishTerms()) {
            if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find()) {
                found.add(term);
            }
        }
        return found;
    }

    /** The English terms the Dutch interface translates. */
    public Set<String> englishTerms() {
        Set<String> english = new LinkedHashSet<>(ENGLISH_UI_WORDS);
        terms.values().forEach(term -> {
            String en = term.get(Language.EN);
            String nl = term.get(Language.NL);
            // A single word, and one the Dutch term does not itself contain ("Test" is Dutch too).
            if (en != null && nl != null && en.matches("[A-Za-z]+")
                    && !nl.toLowerCase(Locale.ROOT).contains(en.toLowerCase(Locale.ROOT))) {
                english.add(en);
            }
        });
        return english;
    }
}
