package io.flowdoctor.notify;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.flowdoctor.history.EmailStatus;
import io.flowdoctor.history.OutboxEmail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The outbox under a backlog: a new e-mail goes out promptly behind 10,000 queued ones, each flow's
 * e-mails in order of age, at the configured rate rather than a fixed ceiling; an opt-out cancels what
 * waits. The test drives the senders itself (no scheduled sender) and delivers to the outbox directory.
 */
@QuarkusTest
@TestProfile(OutboxClaimsTest.NoScheduledSender.class)
class OutboxQueueTest {

    private static final Path OUTBOX = Path.of("target", "test-data", "outbox");

    @Inject
    EmailDelivery delivery;

    @Test
    void aNewEmailGoesOutPromptlyBehindTenThousandQueuedOnes() throws Exception {
        String run = "backlog-" + UUID.randomUUID();
        Instant old = Instant.now().minus(Duration.ofHours(1));
        for (int flow = 0; flow < 10; flow++) {
            queue(run + "-" + flow, 1000, old);
        }
        UUID fresh = queue(run + "-new", 1, Instant.now()).get(0);

        Thread sender = new Thread(() -> {
            try (OutboxWorker worker = new OutboxWorker(delivery::deliver,
                    new OutboxWorker.Settings(4, 0, 3, Duration.ofSeconds(30), Duration.ofMinutes(5)), "backlog")) {
                worker.drain();
            }
        });
        long started = System.nanoTime();
        sender.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(OUTBOX.resolve(fresh + ".eml")));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.toSeconds() < 10, "the new e-mail took " + took);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> OutboxEmail.update("status = ?1 where flowId like ?2 and status = ?3",
                    EmailStatus.CANCELLED, run + "%", EmailStatus.PENDING));
            sender.join(Duration.ofSeconds(60).toMillis());
        }
        // Per flow, what went out is the oldest: no sent e-mail is younger than one that waited.
        for (int flow = 0; flow < 10; flow++) {
            String flowId = run + "-" + flow;
            Instant newestSent = QuarkusTransaction.requiringNew().call(() -> OutboxEmail.<OutboxEmail> find(
                    "flowId = ?1 and status = ?2 order by createdAt desc", flowId, EmailStatus.SENT).firstResultOptional()
                    .map(e -> e.createdAt).orElse(Instant.MIN));
            Instant oldestLeft = QuarkusTransaction.requiringNew().call(() -> OutboxEmail.<OutboxEmail> find(
                    "flowId = ?1 and status = ?2 order by createdAt", flowId, EmailStatus.CANCELLED).firstResultOptional()
                    .map(e -> e.createdAt).orElse(Instant.MAX));
            assertTrue(newestSent.isBefore(oldestLeft), flowId + ": sent " + newestSent + " after waiting " + oldestLeft);
        }
    }

    @Test
    void theConfiguredRateIsKeptAndNotCappedAtTenPerSecond() {
        String run = "rate-" + UUID.randomUUID();
        for (int flow = 0; flow < 60; flow++) {
            queue(run + "-" + flow, 1, Instant.now().minusSeconds(5));
        }
        AtomicInteger sent = new AtomicInteger();
        long started = System.nanoTime();
        try (OutboxWorker worker = new OutboxWorker(email -> {
            if (email.flowId.startsWith(run)) {
                sent.incrementAndGet();
            }
        }, new OutboxWorker.Settings(8, 40, 3, Duration.ofSeconds(30), Duration.ofMinutes(5)), "rate")) {
            worker.drain();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(60, sent.get());
        // 40 per second: 60 e-mails take at least about 1.5 s, and far less than the 6 s of a 10-per-second cap.
        assertTrue(took.toMillis() >= 1400, "faster than 40 per second: " + took);
        assertTrue(took.toMillis() < 5000, "slower than 12 per second: " + took);
    }

    @Test
    void anOptOutCancelsTheEmailsOfTheFlowThatWait() {
        String flow = "optout-" + UUID.randomUUID();
        String diagnosisId = given().contentType(ContentType.JSON)
                .body("{\"flowId\": \"" + flow + "\", \"owner\": {\"email\": \"owner@example.com\"},"
                        + " \"actions\": [{\"name\": \"Get items\", \"connector\": \"sharepointonline\", \"statusCode\": 401}]}")
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200).extract().path("diagnosisId");
        assertEquals(EmailStatus.PENDING, statusOf(diagnosisId));

        given().contentType(ContentType.JSON).body("{\"repairTipsEmail\": false}")
                .when().put("/api/v1/flows/" + flow + "/settings").then().statusCode(200);

        assertEquals(EmailStatus.CANCELLED, statusOf(diagnosisId));
    }

    private static EmailStatus statusOf(String diagnosisId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEmail.<OutboxEmail> find("diagnosisId",
                UUID.fromString(diagnosisId)).firstResult().status);
    }

    /** E-mails of one flow, one second apart from the given time on. */
    private static List<UUID> queue(String flowId, int count, Instant from) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                OutboxEmail email = new OutboxEmail();
                email.id = UUID.randomUUID();
                email.flowId = flowId;
                email.diagnosisId = UUID.randomUUID();
                email.recipient = "owner@example.com";
                email.subject = "Backlog " + i;
                email.html = "<p>" + i + "</p>";
                email.text = String.valueOf(i);
                email.createdAt = from.plusMillis(i);
                email.sendAfter = email.createdAt;
                email.status = EmailStatus.PENDING;
                email.persist();
                ids.add(email.id);
            }
            return ids;
        });
    }
}
