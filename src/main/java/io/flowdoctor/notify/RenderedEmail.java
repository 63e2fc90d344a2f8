package io.flowdoctor.notify;

/**
 * A repair-tips e-mail ready to go: subject, HTML part, plain-text part and its unsubscribe link (also
 * sent as the List-Unsubscribe header; null for e-mails queued before the link was kept).
 */
public record RenderedEmail(String subject, String html, String text, String unsubscribeUrl) {
}
