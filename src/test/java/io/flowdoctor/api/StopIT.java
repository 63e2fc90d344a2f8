package io.flowdoctor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.flowdoctor.PackagedService;
import io.flowdoctor.TestApiKey;
import io.restassured.http.ContentType;

/**
 * A stop (SIGTERM) lets the requests in flight finish: every request gets an answer or is refused a
 * connection, never a connection cut in the middle; and the log of the stop holds no error, busy or idle.
 */
class StopIT {

    private static final Path DATA = Path.of("target", "stop-it-data");
    private static final int CLIENTS = 4;

    @Test
    void aStopDuringABurstAnswersOrRefusesEveryRequestAndLogsNoError() throws Exception {
        try (PackagedService service = PackagedService.onFreshData(DATA, TestApiKey.withAllRolesKey())) {
            ConcurrentLinkedQueue<String> outcomes = new ConcurrentLinkedQueue<>();
            AtomicInteger answered = new AtomicInteger();
            AtomicBoolean sending = new AtomicBoolean(true);
            AtomicInteger runs = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.execute(() -> {
                    while (sending.get()) {
                        int run = runs.incrementAndGet();
                        try {
                            int status = service.request().contentType(ContentType.JSON)
                                    .body("{\"flowId\": \"stop-flow-" + run % 5 + "\", \"runId\": \"run-" + run + "\", "
                                            + "\"owner\": {\"email\": \"owner@example.org\"}, \"actions\": [{\"name\": \"HTTP\","
                                            + " \"connector\": \"http\", \"statusCode\": 502}]}")
                                    .when().post("/api/v1/diagnoses").statusCode();
                            if (status == 200) {
                                answered.incrementAndGet();
                            } else if (status != 503) { // 503: refused while stopping
                                outcomes.add("status " + status);
                            }
                        } catch (RuntimeException e) {
                            if (!(rootCause(e) instanceof ConnectException)) { // refused: the port is closed
                                outcomes.add(rootCause(e).toString());
                            }
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (answered.get() < 40 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long logBefore = service.logSize();
            service.stop();
            Thread.sleep(500);
            sending.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));

            assertEquals(List.of(), List.copyOf(outcomes), "requests neither answered nor refused");
            assertEquals(List.of(), errors(service, logBefore), "errors in the log of a busy stop");

            service.start();
            Thread.sleep(5_000); // the e-mail sender runs every 2 s
            long idleBefore = service.logSize();
            service.stop();
            assertEquals(List.of(), errors(service, idleBefore), "errors in the log of an idle stop");
        }
    }

    private static List<String> errors(PackagedService service, long from) throws IOException {
        return service.logSince(from).lines()
                .filter(line -> line.contains(" ERROR ") || line.contains("Database is already closed")).toList();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
