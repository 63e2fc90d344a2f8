package io.flowdoctor.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes failures one knowledge gap: the failing step's connector, operation and error code, and its
 * message as a template. The template masks what differs between two failures of one kind and what
 * names a person or a thing: links, e-mail addresses, GUIDs and other long ids, dates and times, quoted
 * names and numbers. So 3,000 failures of one kind are one gap, and a template holds no personal data.
 */
public record GapSignature(String connector, String operation, String errorCode, String template) {

    /** Long enough to tell kinds apart; the column holds it. */
    static final int TEMPLATE_LENGTH = 1000;

    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\p{Cntrl}]+");
    private static final Pattern URL = Pattern.compile("\\b(?:https?|ftp)://\\S+");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\d._%+-]+@[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)+");
    private static final Pattern GUID = Pattern
            .compile("\\b[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\\b");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\b\\d{4}-\\d{2}-\\d{2}(?:[t ]\\d{2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?(?:z|[+-]\\d{2}:?\\d{2})?)?\\b"
                    + "|\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}(?: \\d{1,2}:\\d{2}(?::\\d{2})?(?: ?[ap]m)?)?\\b"
                    + "|\\b\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\b");
    /** Tokens of 16 and more letters and digits with at least one digit: request ids, hashes, keys. */
    private static final Pattern LONG_ID = Pattern.compile("\\b(?=[a-z_-]*\\d)[a-z0-9_-]{16,}\\b");
    /** A quote that does not follow a letter opens a name: "can't" is not one. */
    private static final Pattern QUOTED = Pattern.compile("(?<![\\p{L}\\d])'[^'\\n]{1,200}'|\"[^\"\\n]{1,200}\"");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    public static GapSignature of(String connector, String operation, String errorCode, String message) {
        return new GapSignature(identifier(connector), identifier(operation), identifier(errorCode), template(message));
    }

    static String template(String message) {
        if (message == null) {
            return "";
        }
        String text = WHITE_SPACE.matcher(message.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"'))
                .replaceAll(" ").strip();
        text = URL.matcher(text).replaceAll("<url>");
        text = EMAIL.matcher(text).replaceAll("<email>");
        text = GUID.matcher(text).replaceAll("<id>");
        text = DATE_TIME.matcher(text).replaceAll("<time>");
        text = LONG_ID.matcher(text).replaceAll("<id>");
        // Either quote: a connector that quotes names one way and a layer that quotes them the other are one kind.
        text = QUOTED.matcher(text).replaceAll("'<name>'");
        text = NUMBER.matcher(text).replaceAll("<n>");
        return text.length() <= TEMPLATE_LENGTH ? text : text.substring(0, TEMPLATE_LENGTH);
    }

    /** Sha-256 hex of the four parts: the gap's key, as long as the parts may be. */
    public String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] { connector, operation, errorCode, template }) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                // Each part with its length, so that no two different signatures share their bytes.
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static String identifier(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }
}
