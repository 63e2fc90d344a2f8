package io.flowdoctor.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.flowdoctor.history.EmailStatus;
import io.flowdoctor.history.OutboxEmail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Two instances of the service share one database: two senders drain one outbox at the same time, and
 * every e-mail goes out exactly once.
 */
@QuarkusTest
@TestProfile(OutboxClaimsTest.NoScheduledSender.class)
class OutboxClaimsTest {

    /** The test's two workers are the only senders. */
    public static class NoScheduledSender implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }
    }

    private static final OutboxWorker.Settings SETTINGS = new OutboxWorker.Settings(4, 0, 3, Duration.ofSeconds(30),
            Duration.ofMinutes(5));

    @Test
    void twoSendersAtOnceSendEveryEmailExactlyOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        List<UUID> ids = queue(run, 200);
        Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        Courier counting = email -> {
            if (email.flowId.startsWith(run)) {
                deliveries.computeIfAbsent(email.id, id -> new AtomicInteger()).incrementAndGet();
            }
            sleep(2);
        };

        CountDownLatch start = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (String instance : List.of("a", "b")) {
            Thread sender = new Thread(() -> {
                try (OutboxWorker worker = new OutboxWorker(counting, SETTINGS, instance)) {
                    start.await();
                    worker.drain();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            sender.start();
            senders.add(sender);
        }
        start.countDown();
        for (Thread sender : senders) {
            sender.join(Duration.ofMinutes(2).toMillis());
        }

        List<UUID> twice = ids.stream().filter(id -> deliveries.containsKey(id) && deliveries.get(id).get() > 1).toList();
        List<UUID> never = ids.stream().filter(id -> !deliveries.containsKey(id)).toList();
        assertEquals(0, twice.size(), twice.size() + " sent more than once, e.g. " + twice.stream().limit(3).toList());
        assertEquals(0, never.size(), never.size() + " never sent, e.g. " + never.stream().limit(3).toList());
        assertEquals(ids.size(), (long) QuarkusTransaction.requiringNew()
                .call(() -> OutboxEmail.count("flowId like ?1 and status = ?2", run + "%", EmailStatus.SENT)));
    }

    /** One e-mail per flow, all due. */
    static List<UUID> queue(String run, int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < count; i++) {
                OutboxEmail email = new OutboxEmail();
                email.id = UUID.randomUUID();
                email.flowId = run + "-" + i;
                email.diagnosisId = UUID.randomUUID();
                email.recipient = "owner@example.com";
                email.subject = "Subject";
                email.html = "<p>html</p>";
                email.text = "text";
                email.createdAt = now.minusSeconds(60);
                email.sendAfter = now.minusSeconds(60);
                email.status = EmailStatus.PENDING;
                email.persist();
                ids.add(email.id);
            }
            return ids;
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
