package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A request sent again gets the answer it was given, and its failure is counted once. */
@QuarkusTest
class IdempotencyTest {

    @Test
    void theSameRunsFailureSentAgainGetsTheSameDiagnosisAndIsCountedOnce() {
        String flow = "idem-" + UUID.randomUUID();
        JsonPath first = diagnose(body(flow, "\"runId\": \"run-1\","), null);
        JsonPath again = diagnose(body(flow, "\"runId\": \"run-1\","), null);
        JsonPath next = diagnose(body(flow, "\"runId\": \"run-2\","), null);

        assertEquals(first.getString("diagnosisId"), again.getString("diagnosisId"));
        assertEquals(1, again.getInt("repairTips.troubleshootingTips.failureCount"));
        assertEquals(first.getString("repairTips.when"), again.getString("repairTips.when"));
        assertEquals(2, next.getInt("repairTips.troubleshootingTips.failureCount"));
        assertEquals(2, audited(flow));
    }

    @Test
    void withoutARunIdEveryRequestIsAFailureOfItsOwnUnlessItNamesAKey() {
        String flow = "idem-" + UUID.randomUUID();
        JsonPath first = diagnose(body(flow, ""), null);
        JsonPath second = diagnose(body(flow, ""), null);
        JsonPath keyed = diagnose(body(flow, ""), "client-key-1");
        JsonPath keyedAgain = diagnose(body(flow, ""), "client-key-1");

        assertNotEquals(first.getString("diagnosisId"), second.getString("diagnosisId"));
        assertEquals(2, second.getInt("repairTips.troubleshootingTips.failureCount"));
        assertEquals(keyed.getString("diagnosisId"), keyedAgain.getString("diagnosisId"));
        assertEquals(3, keyedAgain.getInt("repairTips.troubleshootingTips.failureCount"));
        assertEquals(3, audited(flow));
    }

    @Test
    void aKeySentAgainWithAnotherRequestIsRefused() {
        String flow = "idem-" + UUID.randomUUID();
        String diagnosisId = diagnose(body(flow, "\"runId\": \"run-1\","), "client-key-2").getString("diagnosisId");

        given().contentType(ContentType.JSON).header("Idempotency-Key", "client-key-2")
                .body(body(flow, "\"runId\": \"run-other\","))
                .when().post("/api/v1/diagnoses")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://flowdoctor.io/problems/idempotency-key-reused"))
                .body("field", equalTo("Idempotency-Key"))
                .body("detail", equalTo("This Idempotency-Key was sent before with another request (diagnosis "
                        + diagnosisId + "); send a new key for a new request"));
        assertEquals(1, audited(flow));
    }

    @Test
    void copiesOfOneRequestSentAtOnceAreCountedOnce() throws Exception {
        String flow = "idem-" + UUID.randomUUID();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Callable<JsonPath>> copies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            copies.add(() -> diagnose(body(flow, "\"runId\": \"run-1\","), null));
        }
        List<JsonPath> answers = new ArrayList<>();
        try {
            for (Future<JsonPath> answer : clients.invokeAll(copies)) {
                answers.add(answer.get());
            }
        } finally {
            clients.shutdownNow();
        }

        Set<String> ids = answers.stream().map(answer -> answer.getString("diagnosisId")).collect(Collectors.toSet());
        assertEquals(1, ids.size());
        assertEquals(Set.of(1), answers.stream().map(a -> a.getInt("repairTips.troubleshootingTips.failureCount"))
                .collect(Collectors.toSet()));
        assertEquals(1, audited(flow));
    }

    private static String body(String flow, String runId) {
        return "{\"flowId\": \"" + flow + "\", " + runId
                + " \"actions\": [{\"name\": \"HTTP\", \"connector\": \"http\", \"statusCode\": 502}]}";
    }

    private static JsonPath diagnose(String body, String key) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/diagnoses").then().statusCode(200).extract().jsonPath();
    }

    private static int audited(String flow) {
        return given().queryParam("flowId", flow).when().get("/api/v1/diagnoses").then().statusCode(200)
                .extract().jsonPath().getInt("total");
    }
}
