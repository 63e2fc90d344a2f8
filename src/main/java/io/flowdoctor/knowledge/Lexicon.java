package io.flowdoctor.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wordings in any language mapped to canonical signals (knowledge-base/lexicon/), and the patterns that
 * find error codes inside message texts (knowledge-base/code-patterns.yaml). Rules reason on signals and
 * codes, so a new wording or language is a line here, not a rule.
 *
 * <p>
 * A phrase is written in the normalised form of messages (lower case, single spaces) and matches on
 * word boundaries: {@code permission*} matches any word that starts with "permission", and {@code ...}
 * stands for up to four words in between. Phrases in scripts without spaces between words (Japanese,
 * Chinese) match anywhere.
 */
public final class Lexicon {

    /**
     * A phrase of a signal in one language.
     *
     * @param anchor the longest literal part of the phrase: a message without it cannot match, so the
     *        pattern runs only on messages that contain it
     */
    public record Phrase(String signal, String language, String text, Pattern pattern, String anchor) {

        public static Phrase of(String signal, String language, String text) {
            String anchor = "";
            for (String word : text.split(" ")) {
                String literal = word.endsWith("*") ? word.substring(0, word.length() - 1) : word;
                if (!word.equals("...") && literal.length() > anchor.length()) {
                    anchor = literal;
                }
            }
            return new Phrase(signal, language, text, compile(text), anchor);
        }

        boolean foundIn(String normalisedText) {
            return normalisedText.contains(anchor) && pattern.matcher(normalisedText).find();
        }
    }

    /** A signal found in a message, with the phrase that produced it. */
    public record Match(String signal, String phrase, String language) {
    }

    private static final Pattern NO_SPACES_SCRIPT = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
    private static final String WORD_EDGE_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String WORD_EDGE_AFTER = "(?![\\p{L}\\p{N}])";
    /**
     * The keys of a JSON body ({@code "message":}, {@code "code":}) name the fields of every error alike: they say
     * nothing of the failure, so phrases are not looked for in them (escaped or not: bodies often come as JSON strings).
     */
    private static final Pattern JSON_KEY = Pattern.compile("\\\\?\"[\\p{L}\\p{N}_.@$-]{1,64}\\\\?\" ?:");

    /**
     * A token of two or more words run together in camel case ("TooManyRequests", "itemNotFound"), also after an
     * acronym ("AADApplicationDisabled", "SPQueryThrottledException").
     */
    private static final Pattern CAMEL_CASE = Pattern
            .compile("(?<![\\p{L}\\p{N}])(?:\\p{Lu}{2,}(?=\\p{Lu}\\p{Ll})|\\p{L}\\p{Ll}+)"
                    + "(?:\\p{Lu}\\p{Ll}+)+(?![\\p{L}\\p{N}])");
    private static final Pattern CAMEL_HUMP = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");
    /**
     * A token of two or more lower-case words joined by underscores ("not_in_channel", "invalid_grant"), as web APIs and
     * OAuth spell their error codes. Upper-case ones ("REQUEST_LIMIT_EXCEEDED") are left to the code tables: one such code
     * often stands for several causes that only its table row or the rest of the message tells apart.
     */
    private static final Pattern SNAKE_CASE = Pattern.compile("(?<![\\p{L}\\p{N}_])\\p{Ll}+(?:_\\p{Ll}+)+(?![\\p{L}\\p{N}_])");

    private final List<Phrase> phrases;
    private final List<Pattern> codePatterns;

    public Lexicon(List<Phrase> phrases, List<Pattern> codePatterns) {
        this.phrases = List.copyOf(phrases);
        this.codePatterns = List.copyOf(codePatterns);
    }

    /** The phrases of one signal, as written in the lexicon. */
    public List<Phrase> phrases(String signal) {
        return phrases.stream().filter(phrase -> phrase.signal().equals(signal)).toList();
    }

    /** Compiles a phrase as written in the lexicon into the pattern that finds it in a normalised message. */
    public static Pattern compile(String phrase) {
        boolean spaced = !NO_SPACES_SCRIPT.matcher(phrase).find();
        StringBuilder regex = new StringBuilder(spaced ? WORD_EDGE_BEFORE : "");
        String separator = "";
        for (String word : phrase.split(" ")) {
            if (word.equals("...")) {
                separator = "(?: [^ ]+){0,4} ";
                continue;
            }
            regex.append(separator);
            boolean stem = word.endsWith("*") && word.length() > 1;
            regex.append(Pattern.quote(stem ? word.substring(0, word.length() - 1) : word));
            if (stem) {
                regex.append("[\\p{L}\\p{N}]*");
            }
            separator = " ";
        }
        if (spaced) {
            regex.append(WORD_EDGE_AFTER);
        }
        return Pattern.compile(regex.toString());
    }

    /** The names of every signal some phrase produces: what a rule may name in {@code Signal(name == ...)}. */
    public Set<String> signalNames() {
        Set<String> names = new java.util.TreeSet<>();
        phrases.forEach(phrase -> names.add(phrase.signal()));
        return names;
    }

    /** Every signal the normalised message carries outside its JSON keys, each with the first phrase that produced it. */
    public List<Match> signals(String normalisedText) {
        return signals(normalisedText, List.of());
    }

    /**
     * Every signal the normalised message carries outside its JSON keys, and then those its compound words carry
     * ({@link #compoundWords}), each with the first phrase that produced it.
     */
    public List<Match> signals(String normalisedText, List<String> compoundWords) {
        String words = normalisedText.indexOf('"') < 0 ? normalisedText : JSON_KEY.matcher(normalisedText).replaceAll(" ");
        Map<String, Match> found = new LinkedHashMap<>();
        addSignals(words, found);
        compoundWords.forEach(compound -> addSignals(compound, found));
        return new ArrayList<>(found.values());
    }

    private void addSignals(String words, Map<String, Match> found) {
        for (Phrase phrase : phrases) {
            if (!found.containsKey(phrase.signal()) && phrase.foundIn(words)) {
                found.put(phrase.signal(), new Match(phrase.signal(), phrase.text(), phrase.language()));
            }
        }
    }

    /**
     * The words that services run together into one token of a message, as phrases are written: "GatewayTimeout",
     * "nameAlreadyExists" and "not_in_channel" say "gateway timeout", "name already exists" and "not in channel". Status
     * names and error codes inside messages carry the cause in this form whatever the connector, so the lexicon's
     * phrases are also looked for in them. JSON keys are left out, as in the message itself.
     */
    public static List<String> compoundWords(String rawText) {
        if (rawText == null || rawText.isEmpty()) {
            return List.of();
        }
        String text = rawText.indexOf('"') < 0 ? rawText : JSON_KEY.matcher(rawText).replaceAll(" ");
        Set<String> compounds = new LinkedHashSet<>();
        Matcher camel = CAMEL_CASE.matcher(text);
        while (camel.find()) {
            compounds.add(CAMEL_HUMP.matcher(camel.group()).replaceAll(" ").toLowerCase(Locale.ROOT));
        }
        Matcher snake = SNAKE_CASE.matcher(text);
        while (snake.find()) {
            compounds.add(snake.group().replace('_', ' '));
        }
        return List.copyOf(compounds);
    }

    /** The error codes written inside the normalised message, lower case. */
    public Set<String> codes(String normalisedText) {
        Set<String> codes = new LinkedHashSet<>();
        for (Pattern pattern : codePatterns) {
            Matcher matcher = pattern.matcher(normalisedText);
            while (matcher.find()) {
                codes.add(matcher.group(1));
            }
        }
        return codes;
    }
}
