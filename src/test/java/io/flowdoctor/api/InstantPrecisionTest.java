package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Every instant the service answers with is the one it stored: to the microsecond, whatever was sent. */
@QuarkusTest
class InstantPrecisionTest {

    @Test
    void theAnswersInstantsAreTheAuditsAndAFilterOnThemFindsTheDiagnosis() {
        String flow = "instants-" + UUID.randomUUID();
        JsonPath answer = diagnose(flow, "2026-11-27T10:15:00.123456789Z", "run-1");
        String when = answer.getString("repairTips.when");
        String id = answer.getString("diagnosisId");

        assertEquals("2026-11-27T10:15:00.123456Z", when);
        assertEquals(when, answer.getString("repairTips.troubleshootingTips.firstFailedAt"));
        JsonPath audit = given().queryParam("flowId", flow).when().get("/api/v1/diagnoses").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(when, audit.getString("items[0].failedAt"));
        JsonPath detail = given().when().get("/api/v1/diagnoses/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(when, detail.getString("answer.repairTips.when"));
        assertEquals(audit.getString("items[0].recordedAt"), detail.getString("recordedAt"));
        assertEquals(1, given().queryParam("flowId", flow).queryParam("from", when).when().get("/api/v1/diagnoses")
                .then().statusCode(200).extract().jsonPath().getInt("total"));
        // "to" is exclusive: the answer's own instant ends the range just before it.
        assertEquals(0, given().queryParam("flowId", flow).queryParam("to", when).when().get("/api/v1/diagnoses")
                .then().statusCode(200).extract().jsonPath().getInt("total"));
    }

    @Test
    void aCaseIsOpenedAtTheMomentItsDiagnosisWasRecorded() {
        String flow = "instants-" + UUID.randomUUID();
        diagnose(flow, "2026-11-27T10:00:00.000000001Z", "run-1");
        diagnose(flow, "2026-11-27T10:01:00.000000001Z", "run-2");
        // The third unexplained failure opens a support case.
        String id = diagnose(flow, "2026-11-27T10:02:00.000000001Z", "run-3").getString("diagnosisId");

        String recordedAt = given().when().get("/api/v1/diagnoses/" + id).then().statusCode(200).extract().path("recordedAt");
        List<String> opened = given().queryParam("status", "OPEN").when().get("/api/v1/escalations").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.flowId == '" + flow + "' }.openedAt");
        List<String> updated = given().queryParam("status", "OPEN").when().get("/api/v1/escalations").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.flowId == '" + flow + "' }.updatedAt");
        assertEquals(List.of(recordedAt), opened);
        assertEquals(List.of(recordedAt), updated);
    }

    private static JsonPath diagnose(String flow, String failedAt, String runId) {
        return given().contentType(ContentType.JSON)
                .body("{\"flowId\": \"" + flow + "\", \"runId\": \"" + runId + "\", \"failedAt\": \"" + failedAt + "\","
                        + " \"actions\": [{\"name\": \"Run script\", \"connector\": \"excelonlinebusiness\", \"message\": \"Something odd\"}]}")
                .when().post("/api/v1/diagnoses").then().statusCode(200).extract().jsonPath();
    }
}
