package io.flowdoctor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.flowdoctor.PackagedService;
import io.flowdoctor.TestApiKey;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Every answer given survives a crash: several clients send diagnoses, the service is killed with SIGKILL in
 * the middle of it and started again on the same data; every diagnosis answered with 200 is in the audit,
 * no failure count was given out twice, and the next count of each flow follows the last one given.
 */
class CrashIT {

    private static final Path DATA = Path.of("target", "crash-it-data");
    private static final int CLIENTS = 4;
    private static final List<String> FLOWS = List.of("crash-flow-a", "crash-flow-b", "crash-flow-c");

    /** One answer as the client saw it. */
    private record Answered(String body, String flowId, String diagnosisId, int failureCount) {
    }

    @Test
    void everyAnswerGivenBeforeAKillIsStoredAndCountsGoOnFromIt() throws Exception {
        try (PackagedService service = PackagedService.onFreshData(DATA, TestApiKey.withAllRolesKey())) {
            ConcurrentLinkedQueue<Answered> answered = new ConcurrentLinkedQueue<>();
            AtomicBoolean sending = new AtomicBoolean(true);
            AtomicInteger runs = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.execute(() -> {
                    while (sending.get()) {
                        int run = runs.incrementAndGet();
                        String flow = FLOWS.get(run % FLOWS.size());
                        String body = "{\"flowId\": \"" + flow + "\", \"runId\": \"run-" + run + "\", \"actions\": ["
                                + "{\"name\": \"HTTP\", \"connector\": \"http\", \"statusCode\": 502}]}";
                        try {
                            Response response = service.request().contentType(ContentType.JSON).body(body)
                                    .when().post("/api/v1/diagnoses");
                            if (response.statusCode() == 200) {
                                JsonPath json = response.jsonPath();
                                answered.add(new Answered(body, flow, json.getString("diagnosisId"),
                                        json.getInt("repairTips.troubleshootingTips.failureCount")));
                            }
                        } catch (RuntimeException connectionLost) {
                            // The kill cuts requests in flight: those were never answered.
                        }
                    }
                });
            }
            // Killed in full flow: once the clients have been answered a good many times (a busy machine is slow to warm up).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (answered.size() < 60 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(137, service.kill(), "the service must die of SIGKILL");
            sending.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
            assertTrue(answered.size() >= 60, "too few answers before the kill: " + answered.size());

            service.start();

            List<String> missing = answered.stream().map(Answered::diagnosisId)
                    .filter(id -> service.request().when().get("/api/v1/diagnoses/" + id).statusCode() != 200)
                    .toList();
            assertEquals(List.of(), missing, "answered with 200 but not in the audit");
            Map<String, List<Integer>> countsByFlow = answered.stream().collect(
                    Collectors.groupingBy(Answered::flowId, Collectors.mapping(Answered::failureCount, Collectors.toList())));
            for (String flow : countsByFlow.keySet()) {
                List<Integer> counts = countsByFlow.get(flow);
                assertEquals(counts.size(), new HashSet<>(counts).size(), flow + " had a count given out twice: " + counts);
                int last = counts.stream().max(Integer::compare).orElseThrow();
                String body = "{\"flowId\": \"" + flow + "\", \"runId\": \"after-restart\", \"actions\": ["
                        + "{\"name\": \"HTTP\", \"connector\": \"http\", \"statusCode\": 502}]}";
                int next = service.request().contentType(ContentType.JSON).body(body).when().post("/api/v1/diagnoses")
                        .then().statusCode(200).extract().jsonPath().getInt("repairTips.troubleshootingTips.failureCount");
                assertTrue(next > last, flow + ": " + next + " after " + last);
            }
            // A client that lost its answer to the crash and sends again is answered as before.
            Answered retried = new ArrayList<>(answered).get(answered.size() - 1);
            JsonPath again = service.request().contentType(ContentType.JSON).body(retried.body())
                    .when().post("/api/v1/diagnoses").then().statusCode(200).extract().jsonPath();
            assertEquals(retried.diagnosisId(), again.getString("diagnosisId"));
            assertEquals(retried.failureCount(), again.getInt("repairTips.troubleshootingTips.failureCount"));
            Set<String> ids = answered.stream().map(Answered::diagnosisId).collect(Collectors.toSet());
            assertEquals(answered.size(), ids.size());
        }
    }
}
