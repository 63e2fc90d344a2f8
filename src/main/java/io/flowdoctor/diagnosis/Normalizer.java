package io.flowdoctor.diagnosis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flowdoctor.knowledge.NormalForm;

/**
 * Puts reported text into the one form rules compare against, once per request ({@link NormalForm}), and
 * reads the wait a message asks for.
 */
public final class Normalizer {

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
        return NormalForm.text(raw);
    }

    public static String identifier(String raw) {
        return NormalForm.identifier(raw);
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
