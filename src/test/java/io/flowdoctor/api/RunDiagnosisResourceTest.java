package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.flowdoctor.TestApiKey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** POST /api/v1/runs/diagnoses: platform payloads diagnosed as the v1 request of the same failure would be. */
@QuarkusTest
class RunDiagnosisResourceTest {

    private static final String PATH = "/api/v1/runs/diagnoses";

    static String fixture(String name) {
        try (InputStream in = RunDiagnosisResourceTest.class.getResourceAsStream("/payloads/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }

    @Test
    void aResultPayloadFromAFailedRunIsDiagnosedAsTheSameFailureSentAsAV1Request() throws IOException {
        String flow = "pa-" + UUID.randomUUID();
        JsonPath platform = given().contentType(ContentType.JSON)
                .body(fixture("power-automate/office365users-no-manager.json")
                        .replace("5f8d3a1e-0c3b-4a8e-9d58-6b2b1d2f7c10", flow))
                .when().post(PATH)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        JsonPath v1 = given().contentType(ContentType.JSON)
                .body(Files.readString(Path.of("samples/connectors-office365users-no-manager.json"))
                        .replace("\"7f1c\"", "\"v1-" + UUID.randomUUID() + "\""))
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200).extract().jsonPath();

        assertEquals("DATA", platform.getString("category"));
        assertEquals("O365U-001", platform.getString("findings[0].ruleId"));
        assertEquals(v1.getString("category"), platform.getString("category"));
        assertEquals(v1.getString("findings[0].ruleId"), platform.getString("findings[0].ruleId"));
        assertEquals(v1.getList("recommendations.tipId"), platform.getList("recommendations.tipId"));
        assertEquals(v1.getString("resubmit.advice"), platform.getString("resubmit.advice"));
        assertEquals(v1.getString("escalation.level"), platform.getString("escalation.level"));
        assertEquals(flow, platform.getString("flowId"));
        assertEquals("08584791063420374937", platform.getString("runId"));
        assertEquals("Get manager (V2)", platform.getString("failedAction"));
        assertEquals("2026-11-27T10:15:00Z", platform.getString("repairTips.when"));
        // workflow()'s environment and ids reach the resubmit link.
        assertEquals("https://make.powerautomate.com/environments/Default-7c1f4a52-3b8d-4e9a-a6f0-2d5e8b9c1a34/flows/"
                + flow + "/runs/08584791063420374937", platform.getString("repairTips.troubleshootingTips.resubmitUrl"));
    }

    @Test
    void theSameBodySentAgainIsTheSameDiagnosisAndIsNotCountedAgain() {
        String body = fixture("power-automate/sharepoint-list-view-threshold-odata.json")
                .replace("0b1f6c2d-8e4a-4b3c-9d7e-2f5a6b7c8d9e", "again-" + UUID.randomUUID());
        String first = given().contentType(ContentType.JSON).body(body).when().post(PATH)
                .then().statusCode(200)
                .body("category", equalTo("CONNECTOR_LIMIT"))
                .body("findings[0].ruleId", equalTo("SPO-001"))
                .body("locale", equalTo("nl"))
                .extract().path("diagnosisId");
        given().contentType(ContentType.JSON).body(body).when().post(PATH)
                .then().statusCode(200)
                .body("diagnosisId", equalTo(first))
                .body("repairTips.troubleshootingTips.failureCount", equalTo(1));
    }

    @Test
    void aBareResultArrayTakesItsFlowFromTheQueryAndIsRefusedWithoutOne() {
        String flow = "bare-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).queryParam("flowId", flow)
                .body(fixture("power-automate/learn-result-item-http-not-found.json"))
                .when().post(PATH)
                .then().statusCode(200)
                .body("flowId", equalTo(flow))
                .body("failedAction", equalTo("Example Action That Failed"));
        given().contentType(ContentType.JSON).body(fixture("power-automate/learn-result-item-http-not-found.json"))
                .when().post(PATH)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("flowId"))
                .body("detail", containsString("query parameter"));
    }

    @Test
    void workflowRuntimeRecordsAreAnsweredWithOneDiagnosisPerFailedRun() {
        String body = fixture("logic-apps/workflow-runtime-records-learn.json").replace("JOHNKEMTESTLA",
                "LA" + UUID.randomUUID().toString().replace("-", "").toUpperCase());
        given().contentType(ContentType.JSON).body(body).when().post(PATH)
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].runId", equalTo("08587330013509921957"))
                .body("[0].failedAction", equalTo("Send email"))
                .body("[0].category", equalTo("TRANSIENT"))
                .body("[0].flowId", startsWith("/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/"));
        given().contentType(ContentType.JSON).body(fixture("logic-apps/workflow-runtime-records-split-run-1.json"))
                .when().post(PATH)
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void theRunActionsListIsDiagnosedFromTheFailedAction() {
        given().contentType(ContentType.JSON)
                .body(fixture("logic-apps/run-actions-list-failed.json").replace("order-intake", "oi-" + UUID.randomUUID()))
                .when().post(PATH)
                .then().statusCode(200)
                .body("failedAction", equalTo("Get secret"))
                .body("category", equalTo("LICENSING_OR_PERMISSION"));
    }

    @Test
    void malformedBodiesGetAProblemNamingTheFieldByItsJsonPointer() {
        assertProblem("{\"workflow\": {\"name\": \"f\"}, \"result\": [{\"status\": \"Failed\"}]}", "/result/0/name",
                "/result/0/name must name the action");
        assertProblem("{\"workflow\": {\"name\": \"f\"}, \"result\": [{\"name\": \"a\", \"status\": \"Failed\","
                + " \"outputs\": {\"statusCode\": \"teapot\"}}]}", "/result/0/outputs/statusCode",
                "must be an HTTP status code");
        assertProblem("{\"flowId\": \"x\", \"actions\": [{\"name\": \"a\"}]}", "", "POST /api/v1/diagnoses");
        assertProblem(fixture("logic-apps/run-actions-list-rest-example.json"), "/value", "no action that failed");
        // The limits of a v1 request hold, and name the value where the caller sent it.
        assertProblem(
                "{\"workflow\": {\"name\": \"f\"}, \"result\": [{\"name\": \"a\\nBcc: x@evil.example\", \"status\": \"Failed\"}]}",
                "/result/0/name", "control characters");
        assertProblem("{\"workflow\": {\"name\": \"f\"}, \"result\": [{\"name\": \"a\", \"status\": \"Failed\","
                + " \"outputs\": {\"body\": {\"message\": \"" + "x".repeat(40_000) + "\"}}}]}",
                "/result/0/outputs/body/message", "flowdoctor.limits.max-message-length");
        given().contentType(ContentType.JSON).body("{\"workflow\": ").when().post(PATH)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("type", containsString("malformed-json"));
    }

    @Test
    void onlyTheServiceRoleMaySendRuns() {
        given().header(TestApiKey.HEADER, TestApiKey.SUPPORT).contentType(ContentType.JSON)
                .body(fixture("power-automate/expression-failure-builtin.json"))
                .when().post(PATH)
                .then().statusCode(403).body("requiredRoles", equalTo(List.of("service")));
        given().header(TestApiKey.HEADER, TestApiKey.SERVICE).contentType(ContentType.JSON)
                .body(fixture("power-automate/expression-failure-builtin.json")
                        .replace("6d7e8f9a-0b1c-4d2e-9f3a-4b5c6d7e8f9a", "expr-" + UUID.randomUUID()))
                .when().post(PATH)
                .then().statusCode(200).body("category", equalTo("EXPRESSION"));
    }

    @Test
    void theEndpointIsDocumentedWithAnExampleOfEachShape() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/runs/diagnoses'.post.x-roles", equalTo(List.of("service")))
                .body("paths.'/api/v1/runs/diagnoses'.post.requestBody.content.'application/json'.examples.keySet()",
                        org.hamcrest.Matchers.containsInAnyOrder("power-automate", "result-array", "run-actions",
                                "workflow-runtime-records"))
                .body("paths.'/api/v1/runs/diagnoses'.post.requestBody.content.'application/json'.examples.'power-automate'.value.result[0].name",
                        equalTo("Get_manager_(V2)"));
    }

    private static void assertProblem(String body, String field, String detail) {
        given().contentType(ContentType.JSON).body(body).when().post(PATH)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://flowdoctor.io/problems/invalid-run-payload"))
                .body("field", equalTo(field))
                .body("errors[0].field", equalTo(field))
                .body("detail", containsString(detail));
    }
}
