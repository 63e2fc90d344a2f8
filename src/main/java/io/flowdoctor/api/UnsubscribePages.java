package io.flowdoctor.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The two small pages of the unsubscribe link: confirm, and done. Every value in them is escaped. */
final class UnsubscribePages {

    private UnsubscribePages() {
    }

    static String confirm(String flowId, String token) {
        return page("Stop repair-tips e-mails?", "<p>Stop the repair-tips e-mails for the flow <code>" + escape(flowId)
                + "</code>?</p>\n<form method=\"post\" action=\"unsubscribe?token="
                + escape(URLEncoder.encode(token, StandardCharsets.UTF_8))
                + "\"><button type=\"submit\">Stop these e-mails</button></form>");
    }

    static String done(String flowId) {
        return page("Repair-tips e-mails stopped", "<p>Repair-tips e-mails for the flow <code>" + escape(flowId)
                + "</code> are switched off.</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head>\n<body><h1>"
                + title + "</h1>\n" + body + "\n</body></html>\n";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
