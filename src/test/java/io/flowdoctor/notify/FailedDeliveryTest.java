package io.flowdoctor.notify;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.flowdoctor.history.EmailStatus;
import io.flowdoctor.history.OutboxEmail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** A mail server that cannot be reached: the diagnosis still answers, the e-mail is retried and its failure recorded. */
@QuarkusTest
@TestProfile(FailedDeliveryTest.UnreachableSmtp.class)
class FailedDeliveryTest {

    public static class UnreachableSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "flowdoctor.email.delivery", "smtp",
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(closedPort()),
                    "flowdoctor.email.max-attempts", "2",
                    "flowdoctor.email.retry-after", "1s",
                    "flowdoctor.email.send-every", "1s",
                    // Every delivery fails on purpose here: its warning would only alarm whoever reads the build log.
                    "quarkus.log.category.\"io.flowdoctor.notify.OutboxSender\".level", "ERROR");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aFailedSendIsRetriedAndRecordedWhileTheDiagnosisAnswers() {
        String flow = "unreachable-" + UUID.randomUUID();
        String diagnosisId = given().contentType(ContentType.JSON)
                .body("{\"flowId\": \"" + flow + "\", \"owner\": {\"email\": \"owner@example.com\"},"
                        + " \"actions\": [{\"name\": \"Get items\", \"connector\": \"sharepointonline\", \"statusCode\": 401}]}")
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200).body("category", equalTo("AUTHENTICATION")).extract().path("diagnosisId");

        await().atMost(Duration.ofSeconds(30)).until(() -> EmailStatus.FAILED.equals(email(diagnosisId).status));
        OutboxEmail failed = email(diagnosisId);
        assertEquals(2, failed.attempts);
        assertNotNull(failed.lastError);
    }

    private static OutboxEmail email(String diagnosisId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxEmail.<OutboxEmail> find("diagnosisId", UUID.fromString(diagnosisId)).firstResult());
    }
}
