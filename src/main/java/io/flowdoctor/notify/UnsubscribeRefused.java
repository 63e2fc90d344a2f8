package io.flowdoctor.notify;

/** An unsubscribe link that does not unsubscribe anything, and why. */
public class UnsubscribeRefused extends RuntimeException {

    /** Why a token was refused. */
    public enum Reason {
        /** Malformed, altered, forged, or for another purpose. */
        INVALID("This unsubscribe link is not valid: it was altered or not issued by this service"),
        /** Genuine, but older than its validity. */
        EXPIRED("This unsubscribe link has expired; use the link of a newer e-mail, or change the flow's settings"),
        /** Genuine, but the owner subscribed again after it was sent. */
        SUPERSEDED("This unsubscribe link was sent before the e-mails were switched on again; use the link of a newer e-mail");

        private final String detail;

        Reason(String detail) {
            this.detail = detail;
        }
    }

    private final Reason reason;

    public UnsubscribeRefused(Reason reason) {
        super(reason.detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
