package io.flowdoctor.knowledge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {placeholders} of texts and link templates, in one pass: a value is never read for
 * placeholders again. The one rule for missing values: a text shows "-", a link is left out.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final String MISSING = "-";

    private Placeholders() {
    }

    /** The text with each placeholder replaced by its value; "-" where the value is missing or blank. */
    public static String fill(String text, Map<String, ?> values) {
        return replace(text, values, false);
    }

    /**
     * The link with each placeholder replaced by its value encoded as a path segment; empty when a value
     * the template names is missing or blank, so that no link is built with an empty segment.
     */
    public static Optional<String> link(String template, Map<String, ?> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (isMissing(values.get(matcher.group(1)))) {
                return Optional.empty();
            }
        }
        return Optional.of(replace(template, values, true));
    }

    private static String replace(String text, Map<String, ?> values, boolean asPathSegment) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            String replacement;
            if (!values.containsKey(matcher.group(1))) {
                replacement = matcher.group(); // not ours to fill: left as written
            } else if (isMissing(value)) {
                replacement = MISSING;
            } else {
                replacement = asPathSegment ? segment(value.toString()) : value.toString();
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static boolean isMissing(Object value) {
        return value == null || value.toString().isBlank();
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
