package io.flowdoctor.diagnosis;

import java.text.Normalizer.Form;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts reported text into the one form rules compare against, once per request: Unicode NFKC, lower
 * case, every run of white space (and control characters) as one space.
 */
public final class Normalizer {

    private static final Pattern ESCAPED_WHITE_SPACE = Pattern.compile("\\\\[rnt]");
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\p{Cntrl}\\u00A0\\u2000-\\u200B\\u3000]+");

    /**
     * Waits a message asks for: "Try again in 30 seconds", "Retry after 30 seconds", "Retry-After: 30",
     * "Probeer het over 30 seconden opnieuw". Bounded, non-nested quantifiers: linear on any input.
     */
    private static final Pattern RETRY_AFTER = Pattern.compile(
            "(?:try again in|retry after|retry-after:?|retry in|probeer het (?:opnieuw )?over) ?(\\d{1,6}) ?(?:seconds?|seconden|sec|s\\b)?");
    private static final Pattern RETRY_AFTER_HEADER = Pattern.compile("\"retry-after\" ?: ?\"?(\\d{1,6})");

    private Normalizer() {
    }

    static String text(String raw) {
        if (raw == null) {
            return "";
        }
        String composed = java.text.Normalizer.normalize(raw, Form.NFKC).toLowerCase(Locale.ROOT);
        // Messages often arrive as escaped JSON ("\\r\\n", \\") or with typographic quotes from a localised UI.
        String plain = ESCAPED_WHITE_SPACE.matcher(composed).replaceAll(" ")
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"');
        return WHITE_SPACE.matcher(plain).replaceAll(" ").strip();
    }

    public static String identifier(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    /** The start of a message, at most the given length, for places that must not hold it whole; null stays null. */
    public static String excerpt(String message, int length) {
        if (message == null) {
            return null;
        }
        String stripped = message.strip();
        return stripped.length() <= length ? stripped : stripped.substring(0, length) + "…";
    }

    /** The wait in seconds that normalised text asks for, or null. */
    static Integer retryAfterSeconds(String normalisedText) {
        for (Pattern pattern : new Pattern[] { RETRY_AFTER_HEADER, RETRY_AFTER }) {
            Matcher matcher = pattern.matcher(normalisedText);
            if (matcher.find()) {
                return Integer.valueOf(matcher.group(1));
            }
        }
        return null;
    }
}
