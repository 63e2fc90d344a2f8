package io.flowdoctor.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A full queue of diagnoses waiting to be recorded refuses the next request at once with 503 problem+json and
 * Retry-After, holding nothing of it; once the writer catches up, requests are answered again.
 */
@QuarkusTest
@TestProfile(RecordingBackPressureTest.OneWaiting.class)
class RecordingBackPressureTest {

    public static class OneWaiting implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("flowdoctor.recording.writers", "1", "flowdoctor.recording.queue-size", "1",
                    "flowdoctor.recording.retry-after", "2s");
        }
    }

    @Inject
    GroupCommit commits;

    @Test
    void aFullQueueIsAnswered503WithRetryAfter() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The writer is busy with this one...
        CompletableFuture<String> busy = CompletableFuture.supplyAsync(() -> commits.run("a", unit(() -> {
            writing.countDown();
            await(release);
            return "first";
        })));
        assertTrue(writing.await(30, TimeUnit.SECONDS), "the writer took the first piece of work");
        // ...and this one fills the queue.
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> commits.run("b", unit(() -> "second")));
        Thread.sleep(200);

        given().contentType(ContentType.JSON)
                .body("{\"flowId\": \"refused-flow\", \"runId\": \"r1\", \"actions\": [{\"name\": \"HTTP\", \"statusCode\": 502}]}")
                .when().post("/api/v1/diagnoses")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("type", equalTo("https://flowdoctor.io/problems/busy"))
                .body("status", equalTo(503))
                .body("detail", containsString("nothing was recorded"));

        release.countDown();
        assertEquals("first", busy.get(30, TimeUnit.SECONDS));
        assertEquals("second", waiting.get(30, TimeUnit.SECONDS));
        given().queryParam("flowId", "refused-flow").when().get("/api/v1/diagnoses")
                .then().statusCode(200).body("total", equalTo(0));
        given().contentType(ContentType.JSON)
                .body("{\"flowId\": \"refused-flow\", \"runId\": \"r1\", \"actions\": [{\"name\": \"HTTP\", \"statusCode\": 502}]}")
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200).body("repairTips.troubleshootingTips.failureCount", equalTo(1));
    }

    private static GroupCommit.Unit<String> unit(java.util.function.Supplier<String> work) {
        return new GroupCommit.Unit<>() {
            @Override
            public String inBatch() {
                return work.get();
            }

            @Override
            public String alone() {
                return work.get();
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
