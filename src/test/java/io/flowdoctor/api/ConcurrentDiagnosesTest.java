package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Many clients at once, several failures of each flow in flight together: the writers record them in shared
 * transactions, and still every failure is answered once it is stored, counted exactly once, and each flow's
 * counts run 1..n with no gap and no repeat; what one client sends for a flow is counted in the order it sent it.
 */
@QuarkusTest
class ConcurrentDiagnosesTest {

    private static final int FLOWS = 12;
    private static final int FAILURES = 8;

    @Test
    void concurrentFailuresAreCountedExactlyPerFlow() throws Exception {
        String prefix = "burst-" + UUID.randomUUID() + "-";
        Map<String, List<Integer>> counts = new ConcurrentHashMap<>();
        List<Callable<Void>> calls = new ArrayList<>();
        for (int failure = 0; failure < FAILURES; failure++) {
            for (int flow = 0; flow < FLOWS; flow++) {
                String flowId = prefix + flow;
                String runId = "run-" + failure;
                String failedAt = "2026-11-27T10:%02d:00Z".formatted(failure);
                calls.add(() -> {
                    int count = JsonPath.from(diagnose(flowId, runId, failedAt))
                            .getInt("repairTips.troubleshootingTips.failureCount");
                    counts.computeIfAbsent(flowId, id -> Collections.synchronizedList(new ArrayList<>())).add(count);
                    return null;
                });
            }
        }
        Collections.shuffle(calls);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            for (Future<Void> call : clients.invokeAll(calls)) {
                call.get();
            }
        } finally {
            clients.shutdown();
        }
        TreeSet<Integer> expected = IntStream.rangeClosed(1, FAILURES).boxed().collect(Collectors.toCollection(TreeSet::new));
        assertEquals(FLOWS, counts.size());
        counts.forEach((flowId, given) -> {
            assertEquals(FAILURES, given.size(), flowId);
            assertEquals(expected, new TreeSet<>(given), "the counts of " + flowId + ": " + given);
            given().queryParam("flowId", flowId).when().get("/api/v1/diagnoses")
                    .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(FAILURES));
        });
    }

    @Test
    void oneClientsFailuresOfAFlowAreCountedInTheOrderSent() throws Exception {
        String prefix = "ordered-" + UUID.randomUUID() + "-";
        ExecutorService clients = Executors.newFixedThreadPool(FLOWS);
        List<Callable<List<Integer>>> calls = new ArrayList<>();
        for (int flow = 0; flow < FLOWS; flow++) {
            String flowId = prefix + flow;
            calls.add(() -> {
                List<Integer> given = new ArrayList<>();
                for (int failure = 0; failure < FAILURES; failure++) {
                    given.add(JsonPath.from(diagnose(flowId, "run-" + failure, "2026-11-27T11:%02d:00Z".formatted(failure)))
                            .getInt("repairTips.troubleshootingTips.failureCount"));
                }
                return given;
            });
        }
        List<Integer> inOrder = IntStream.rangeClosed(1, FAILURES).boxed().toList();
        try {
            for (Future<List<Integer>> call : clients.invokeAll(calls)) {
                assertEquals(inOrder, call.get());
            }
        } finally {
            clients.shutdown();
        }
    }

    private static String diagnose(String flowId, String runId, String failedAt) {
        return given().contentType(ContentType.JSON)
                .body("{\"flowId\": \"" + flowId + "\", \"runId\": \"" + runId + "\", \"failedAt\": \"" + failedAt + "\","
                        + " \"actions\": [{\"name\": \"Get items\", \"connector\": \"sharepointonline\", \"statusCode\": 429,"
                        + " \"message\": \"The request was throttled.\"}]}")
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200).extract().asString();
    }
}
