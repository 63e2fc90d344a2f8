package io.flowdoctor.notify;

import java.io.IOException;

import io.flowdoctor.history.OutboxEmail;

/** Hands one e-mail to its way out (SMTP or the outbox directory); an exception means it did not go. */
@FunctionalInterface
public interface Courier {

    void deliver(OutboxEmail email) throws IOException;
}
