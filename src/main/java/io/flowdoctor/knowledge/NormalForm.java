package io.flowdoctor.knowledge;

import java.text.Normalizer.Form;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one form reported text is compared in, by the rules and the lexicon alike: Unicode NFKC, lower case (the
 * Turkish dotted capital I as a plain i), typographic quotes as plain ones, percent-encoded spaces as spaces, every run
 * of white space (and control characters) as one space. Kept here, below the diagnosis and the rule base, so that the
 * diagnosis normalises messages with it and the checks of the rules and the lexicon can say what a literal would have
 * to be to match.
 */
public final class NormalForm {

    private static final Pattern ESCAPED_WHITE_SPACE = Pattern.compile("\\\\[rnt]");
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\p{Cntrl}\\u00A0\\u2000-\\u200B\\u3000]+");

    private NormalForm() {
    }

    /** A message as rules compare it ({@code FailedAction.text}); empty for null. */
    public static String text(String raw) {
        if (raw == null) {
            return "";
        }
        // Turkish dotted capital I lower-cases to i and a combining dot, which no phrase written with i would match.
        String composed = java.text.Normalizer.normalize(raw, Form.NFKC).toLowerCase(Locale.ROOT).replace("i\u0307", "i");
        // Messages often arrive as escaped JSON ("\\r\\n", \\"), with typographic quotes from a localised UI, or with
        // their spaces percent-encoded where a service put its error in a URL (OAuth's error_description).
        String plain = ESCAPED_WHITE_SPACE.matcher(composed).replaceAll(" ").replace("%20", " ")
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"');
        return WHITE_SPACE.matcher(plain).replaceAll(" ").strip();
    }

    /** An id as rules compare it (operation, error code, status): trimmed, lower case; empty for null. */
    public static String identifier(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }
}
