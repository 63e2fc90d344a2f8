package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * First failures of many new flows at once, with more requests in flight than the pool has
 * connections: a diagnosis never holds two connections, so none waits for the pool to run dry.
 */
@QuarkusTest
@TestProfile(NewFlowsUnderLoadTest.SmallPool.class)
class NewFlowsUnderLoadTest {

    private static final int CONNECTIONS = 2;

    public static class SmallPool implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", String.valueOf(CONNECTIONS),
                    "quarkus.datasource.jdbc.acquisition-timeout", "3S");
        }
    }

    @Test
    void firstFailuresOfNewFlowsAreAllDiagnosedAndCountedOnce() throws Exception {
        String prefix = "new-" + UUID.randomUUID() + "-";
        ExecutorService clients = Executors.newFixedThreadPool(4 * CONNECTIONS);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String flow = prefix + i;
            calls.add(() -> given().contentType(ContentType.JSON)
                    .body("{\"flowId\": \"" + flow + "\", \"runId\": \"r\", \"failedAt\": \"2026-11-27T10:00:00Z\","
                            + " \"actions\": [{\"name\": \"HTTP\", \"connector\": \"http\", \"statusCode\": 502}]}")
                    .when().post("/api/v1/diagnoses")
                    .then().statusCode(200).extract().asString());
        }
        List<String> answers = new ArrayList<>();
        try {
            for (Future<String> answer : clients.invokeAll(calls)) {
                answers.add(answer.get());
            }
        } finally {
            clients.shutdown();
        }
        for (String answer : answers) {
            assertEquals(1, JsonPath.from(answer).getInt("repairTips.troubleshootingTips.failureCount"),
                    answer);
        }
    }
}
