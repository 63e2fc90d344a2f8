package io.flowdoctor.history;

/** Where a repair-tips e-mail of the outbox stands. */
public enum EmailStatus {
    /** Waiting to be sent, or to be tried again. */
    PENDING,
    SENT,
    /** Given up on after the last attempt; the error is kept. */
    FAILED,
    /** Not sent: the owner switched the flow's e-mails off while it waited. */
    CANCELLED
}
