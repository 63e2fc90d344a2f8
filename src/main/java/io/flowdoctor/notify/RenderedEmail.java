package io.flowdoctor.notify;

/** A repair-tips e-mail ready to go: subject, HTML part and plain-text part. */
public record RenderedEmail(String subject, String html, String text) {
}
