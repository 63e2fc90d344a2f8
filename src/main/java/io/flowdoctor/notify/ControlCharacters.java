package io.flowdoctor.notify;

/**
 * Control characters (C0, DEL, C1) and the Unicode line and paragraph separators: in a mail header they
 * end the header and start another (header injection), in a log line they forge further lines. Requests
 * that carry them in a field bound for either are refused; text that must still be written is encoded.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    public static boolean containsAny(String text) {
        return text != null && text.codePoints().anyMatch(ControlCharacters::isControl);
    }

    /** The text with each control character as a visible escape (\n, \r, \t, \u0000), for a log line. */
    public static String escape(String text) {
        if (!containsAny(text)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (isControl(c)) {
                        escaped.append(String.format("\\u%04x", c));
                    } else {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    /** The text on one line: each run of control characters becomes one space, for a mail header. */
    public static String oneLine(String text) {
        if (!containsAny(text)) {
            return text;
        }
        StringBuilder line = new StringBuilder(text.length());
        boolean inRun = false;
        for (int c : text.codePoints().toArray()) {
            if (isControl(c)) {
                if (!inRun) {
                    line.append(' ');
                }
                inRun = true;
            } else {
                line.appendCodePoint(c);
                inRun = false;
            }
        }
        return line.toString();
    }
}
