package io.flowdoctor.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.flowdoctor.history.OutboxEmail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** SMTP delivery as the outbox does it: from threads of its own, not Vert.x threads, one e-mail after another. */
@QuarkusTest
@TestProfile(SmtpProfile.class)
class SmtpDeliveryTest {

    private static final int EMAILS = 300;

    @Inject
    EmailDelivery delivery;

    @Test
    void everyEmailOfALongRunArrivesOnItsFirstAttemptWithoutStalling() throws Exception {
        String recipient = "run-" + UUID.randomUUID() + "@example.com";
        ExecutorService plainThread = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < EMAILS; i++) {
                OutboxEmail email = email(recipient, i);
                // Far below the send timeout: a send that waits on the server's idle timeout fails here.
                plainThread.submit(() -> {
                    delivery.deliver(email);
                    return null;
                }).get(10, TimeUnit.SECONDS);
            }
        } finally {
            plainThread.shutdownNow();
        }
        assertEquals(EMAILS, GreenMailResource.messagesTo(recipient).size());
    }

    private static OutboxEmail email(String recipient, int number) {
        OutboxEmail email = new OutboxEmail();
        email.id = UUID.randomUUID();
        email.recipient = recipient;
        email.subject = "Run " + number;
        email.text = "E-mail " + number + " of a long run.";
        email.html = "<p>E-mail " + number + " of a long run.</p>";
        return email;
    }
}
