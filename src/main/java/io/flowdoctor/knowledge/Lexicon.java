package io.flowdoctor.knowledge;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ahocorasick.trie.Trie;

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
     *        pattern runs only on messages that contain it (found for all phrases at once, {@link #candidates})
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

        /** Where the phrase's first wording starts in the text; -1 when it has none there. */
        int firstPlaceIn(String normalisedText) {
            Matcher matcher = pattern.matcher(normalisedText);
            return matcher.find() ? matcher.start() : -1;
        }

        /** Where each wording of the phrase starts and ends in the text, in order. */
        List<int[]> placesIn(String normalisedText) {
            List<int[]> places = new ArrayList<>();
            Matcher matcher = pattern.matcher(normalisedText);
            while (matcher.find()) {
                places.add(new int[] { matcher.start(), matcher.end() });
            }
            return places;
        }
    }

    /**
     * Which subject a signal's wording is about, when the message names subjects of more than one kind ("a list that
     * does not exist. It may have been deleted by another user": the not-found words are about the list).
     *
     * @param signal a signal the message carries
     * @param subject the subject signal (its name ends in {@value #SUBJECT_SUFFIX}) nearest to that signal's wording
     */
    public record Nearest(String signal, String subject) {
    }

    /**
     * Languages whose noun phrases end in their head ("リスト X のファイル" is a file, of list X): there the subject of a
     * wording is the nearest before it; in the others the first of its clause ("the item in list X was not found").
     */
    private static final Set<String> HEAD_LAST_LANGUAGES = Set.of("ja", "ko", "zh", "tr");
    private static final Pattern CLAUSE_END = Pattern.compile("[.:;!?。：；！？](?:\\s|$)|[。：；！？]");

    /** Signals that name what a message is about (an item, a definition, a value) rather than what happened to it. */
    public static final String SUBJECT_SUFFIX = "-subject";

    /**
     * A signal found in a message, with the phrase that produced it.
     *
     * @param inErrorCode the phrase was read in the words of the step's error code, not in its message
     */
    public record Match(String signal, String phrase, String language, boolean inErrorCode) {
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
    /** An error code made of letters only, its words run together or joined by underscores. */
    private static final Pattern CODE_WORDS = Pattern.compile("\\p{L}+(?:_\\p{L}+)*");
    private static final Pattern WHITE_SPACE = Pattern.compile(" +");

    private final List<Phrase> phrases;
    private final List<Pattern> codePatterns;
    /** Every phrase's anchor, found in one pass over a message however many phrases there are. */
    private final Trie anchors;
    /** For each anchor, the positions in {@link #phrases} of the phrases it belongs to. */
    private final Map<String, BitSet> phrasesByAnchor = new HashMap<>();
    /** Phrases without a literal part, tried on every message. */
    private final BitSet anchorless = new BitSet();

    public Lexicon(List<Phrase> phrases, List<Pattern> codePatterns) {
        this.phrases = List.copyOf(phrases);
        this.codePatterns = List.copyOf(codePatterns);
        for (int index = 0; index < this.phrases.size(); index++) {
            String anchor = this.phrases.get(index).anchor();
            (anchor.isEmpty() ? anchorless : phrasesByAnchor.computeIfAbsent(anchor, key -> new BitSet())).set(index);
        }
        anchors = Trie.builder().addKeywords(phrasesByAnchor.keySet()).build();
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
        String words = withoutJsonKeys(normalisedText);
        Map<String, Match> found = new LinkedHashMap<>();
        addSignals(words, found);
        compoundWords.forEach(compound -> addSignals(compound, found));
        return new ArrayList<>(found.values());
    }

    /**
     * The signals the words of the step's error code carry ({@link #codeWords}), each marked as read there: the last
     * resort of a diagnosis that nothing else explains, since one code often stands for causes that only the message,
     * the status or a code table tells apart.
     */
    public List<Match> codeSignals(List<String> codeWords) {
        Map<String, Match> found = new LinkedHashMap<>();
        codeWords.forEach(code -> addSignals(code, found, true));
        return new ArrayList<>(found.values());
    }

    /**
     * For each signal found that is not itself a subject, the subject it is about, when the message names subjects of
     * more than one kind (otherwise the one subject there is needs no choosing). It is read from the clause that holds
     * the signal's first wording: the first subject before the wording ("the item in list X was not found" is about the
     * item), the nearest one in languages whose phrases end in their head noun, and the nearest after it when none comes
     * before; of two that start at one place, the longer ("entity key" before "entity"). Words run together
     * ("ItemNotFound") are read on their own after the message.
     *
     * @param found the signals of the same message and compound words ({@link #signals(String, List)})
     */
    public List<Nearest> subjects(String normalisedText, List<String> compoundWords, List<Match> found) {
        List<String> subjects = found.stream().map(Match::signal).filter(name -> name.endsWith(SUBJECT_SUFFIX)).toList();
        if (subjects.size() < 2) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        texts.add(withoutJsonKeys(normalisedText));
        texts.addAll(compoundWords);
        // Each text's phrases and subjects are looked for once, and only in a text that holds a wording to read them for.
        Map<String, BitSet> candidatesByText = new HashMap<>();
        Function<String, BitSet> candidatesIn = text -> candidatesByText.computeIfAbsent(text, this::candidates);
        Map<String, List<Place>> subjectsByText = new HashMap<>();
        List<Nearest> nearest = new ArrayList<>();
        for (Match match : found) {
            if (!match.signal().endsWith(SUBJECT_SUFFIX)) {
                subjectOf(match, texts, candidatesIn,
                        text -> subjectsByText.computeIfAbsent(text, t -> placesOf(subjects, t, candidatesIn.apply(t))))
                        .ifPresent(subject -> nearest.add(new Nearest(match.signal(), subject)));
            }
        }
        return nearest;
    }

    /** Where a subject's wording stands in a text. */
    private record Place(String subject, int start, int end) {
    }

    private Optional<String> subjectOf(Match match, List<String> texts, Function<String, BitSet> candidatesIn,
            Function<String, List<Place>> subjectsIn) {
        boolean headLast = HEAD_LAST_LANGUAGES.contains(match.language());
        for (String text : texts) {
            int wording = firstPlace(match.signal(), text, candidatesIn.apply(text));
            if (wording < 0) {
                continue;
            }
            int clauseStart = clauseStart(text, wording);
            int clauseEnd = clauseEnd(text, wording);
            List<Place> before = new ArrayList<>();
            Place after = null;
            for (Place place : subjectsIn.apply(text)) {
                if (place.start() >= clauseStart && place.start() < wording) {
                    before.add(place);
                } else if (place.start() >= wording && place.start() < clauseEnd && after == null) {
                    after = place;
                }
            }
            if (!before.isEmpty()) {
                return Optional.of(headLast ? before.get(before.size() - 1).subject() : headOfCompound(text, before));
            }
            if (after != null) {
                return Optional.of(after.subject());
            }
        }
        return Optional.empty();
    }

    /**
     * The first subject of a clause, or of subjects written one after the other there ("list item", "file path") the
     * last: the head that names the thing.
     */
    private static String headOfCompound(String text, List<Place> inClause) {
        Place head = inClause.get(0);
        for (Place next : inClause.subList(1, inClause.size())) {
            if (next.start() == head.end() + 1 && text.charAt(head.end()) == ' ') {
                head = next;
            } else if (next.start() > head.start()) {
                break;
            }
        }
        return head.subject();
    }

    /** Every wording of the subjects in the text, by where it starts; of two that start at one place, the longer first. */
    private List<Place> placesOf(List<String> subjects, String text, BitSet candidates) {
        List<Place> places = new ArrayList<>();
        for (int index = candidates.nextSetBit(0); index >= 0; index = candidates.nextSetBit(index + 1)) {
            Phrase phrase = phrases.get(index);
            if (subjects.contains(phrase.signal())) {
                phrase.placesIn(text).forEach(place -> places.add(new Place(phrase.signal(), place[0], place[1])));
            }
        }
        places.sort(Comparator.comparingInt(Place::start).thenComparing(Comparator.comparingInt(Place::end).reversed()));
        return places;
    }

    /** Where the signal's first wording starts in the text; -1 when it has none there. */
    private int firstPlace(String signal, String text, BitSet candidates) {
        int first = -1;
        for (int index = candidates.nextSetBit(0); index >= 0; index = candidates.nextSetBit(index + 1)) {
            Phrase phrase = phrases.get(index);
            if (!phrase.signal().equals(signal)) {
                continue;
            }
            int start = phrase.firstPlaceIn(text);
            if (start >= 0 && (first < 0 || start < first)) {
                first = start;
            }
        }
        return first;
    }

    /** Where the sentence or clause that holds the position ends: at the next full stop, colon or semicolon. */
    private static int clauseEnd(String text, int position) {
        Matcher boundary = CLAUSE_END.matcher(text).region(position, text.length());
        return boundary.find() ? boundary.start() : text.length();
    }

    /** Where the sentence or clause that holds the position begins: after the last full stop, colon or semicolon. */
    private static int clauseStart(String text, int position) {
        Matcher boundary = CLAUSE_END.matcher(text).region(0, position);
        int start = 0;
        while (boundary.find()) {
            start = boundary.end();
        }
        return start;
    }

    private static String withoutJsonKeys(String normalisedText) {
        return normalisedText.indexOf('"') < 0 ? normalisedText : JSON_KEY.matcher(normalisedText).replaceAll(" ");
    }

    /** The positions in {@link #phrases} of the phrases that can match the text: those whose anchor it contains. */
    private BitSet candidates(String text) {
        // A copy made by or(): clone() would trim the shared set's array, a write that other threads may see.
        BitSet candidates = new BitSet(phrases.size());
        candidates.or(anchorless);
        anchors.parseText(text, emit -> {
            candidates.or(phrasesByAnchor.get(emit.getKeyword()));
            return true;
        });
        return candidates;
    }

    /** Tries, in the lexicon's order, only the phrases whose anchor the text contains. */
    private void addSignals(String words, Map<String, Match> found) {
        addSignals(words, found, false);
    }

    private void addSignals(String words, Map<String, Match> found, boolean inErrorCode) {
        BitSet candidates = candidates(words);
        for (int index = candidates.nextSetBit(0); index >= 0; index = candidates.nextSetBit(index + 1)) {
            Phrase phrase = phrases.get(index);
            if (!found.containsKey(phrase.signal()) && phrase.pattern().matcher(words).find()) {
                found.put(phrase.signal(), new Match(phrase.signal(), phrase.text(), phrase.language(), inErrorCode));
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

    /**
     * The words of the error code the step reported, when it is written as words run together
     * ("CannotUpdateObjectBecauseItIsInactive", "AADApplicationDisabled", "Request_ResourceNotFound",
     * "account_inactive"); empty for a code with digits ("0x80048d0b"), an upper-case one ("REQUEST_LIMIT_EXCEEDED",
     * see {@link #SNAKE_CASE}) or a single word. Services keep their codes in English when they translate the message,
     * so a code's words can say the cause of a message in a language, or a wording, the lexicon does not know.
     */
    public static List<String> codeWords(String errorCode) {
        String code = errorCode == null ? "" : errorCode.strip();
        if (!CODE_WORDS.matcher(code).matches() || code.equals(code.toUpperCase(Locale.ROOT))) {
            return List.of();
        }
        String words = CAMEL_HUMP.matcher(code).replaceAll(" ").replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.indexOf(' ') < 0 ? List.of() : List.of(WHITE_SPACE.matcher(words).replaceAll(" "));
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
