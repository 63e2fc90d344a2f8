package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.flowdoctor.QuietLogs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Failure history, recoveries, the audit and escalation cases on the database. */
@QuarkusTest
class HistoryResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void threeFailuresOfOneFlowCountOneTwoThreeFromTheFirstFailure() {
        String flow = newFlow();
        for (int count = 1; count <= 3; count++) {
            diagnose(flow, "2026-11-27T10:0" + count + ":00Z", 500)
                    .body("repairTips.troubleshootingTips.failureCount", equalTo(count))
                    .body("repairTips.troubleshootingTips.firstFailedAt", equalTo("2026-11-27T10:01:00Z"))
                    .body("repairTips.when", equalTo("2026-11-27T10:01:00Z"));
        }
        JsonPath audit = given().queryParam("flowId", flow).when().get("/api/v1/diagnoses")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, audit.getInt("total"));
        assertEquals(List.of("RESUBMIT-002", "STATUS-003"), audit.getList("items[0].firedRuleIds"));
    }

    @Test
    void aRecoveryClosesTheIncidentAndTheNextFailureStartsAnew() {
        String flow = newFlow();
        diagnose(flow, "2026-11-27T10:00:00Z", 500);
        diagnose(flow, "2026-11-27T10:05:00Z", 500);
        given().when().post("/api/v1/flows/" + flow + "/recoveries")
                .then().statusCode(200)
                .body("failureCount", equalTo(2))
                .body("firstFailedAt", equalTo("2026-11-27T10:00:00Z"));
        given().when().post("/api/v1/flows/" + flow + "/recoveries").then().statusCode(204);
        diagnose(flow, "2026-11-27T11:00:00Z", 500)
                .body("repairTips.troubleshootingTips.failureCount", equalTo(1))
                .body("repairTips.troubleshootingTips.firstFailedAt", equalTo("2026-11-27T11:00:00Z"));
    }

    @Test
    void aFailureLongAfterThePreviousOneStartsANewIncident() {
        String flow = newFlow();
        diagnose(flow, "2026-11-20T10:00:00Z", 500);
        diagnose(flow, "2026-11-27T10:00:00Z", 500)
                .body("repairTips.troubleshootingTips.failureCount", equalTo(1))
                .body("repairTips.troubleshootingTips.firstFailedAt", equalTo("2026-11-27T10:00:00Z"));
    }

    @Test
    void concurrentDiagnosesOfOneFlowAreEachCounted() throws Exception {
        String flow = newFlow();
        int failures = 24;
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < failures; i++) {
            calls.add(() -> diagnose(flow, "2026-11-27T10:00:00Z", 502).extract()
                    .path("repairTips.troubleshootingTips.failureCount"));
        }
        Set<Integer> counts = new TreeSet<>();
        for (Future<Integer> count : clients.invokeAll(calls)) {
            counts.add(count.get());
        }
        clients.shutdown();
        assertEquals(IntStream.rangeClosed(1, failures).boxed().collect(Collectors.toCollection(TreeSet::new)), counts);
        diagnose(flow, "2026-11-27T10:00:00Z", 502).body("repairTips.troubleshootingTips.failureCount", equalTo(failures + 1));
    }

    @Test
    void theRepeatedHistoryEntersTheRules() {
        String flow = newFlow();
        for (int minute = 0; minute < 4; minute++) {
            diagnose(flow, "2026-11-27T10:0" + minute + ":00Z", 503).body("escalation.level", equalTo("NONE"));
        }
        diagnose(flow, "2026-11-27T10:05:00Z", 503)
                .body("category", equalTo("TRANSIENT"))
                .body("escalation.level", equalTo("SUPPORT"))
                .body("escalation.ruleId", equalTo("HISTORY-001"))
                .body("resubmit.advice", equalTo("AFTER_FIX"));
    }

    @Test
    void theResubmitLinkIsBuiltFromTheTemplateOnlyWhenEveryIdIsKnown() {
        String flow = newFlow();
        given().contentType(ContentType.JSON)
                .body("{\"flowId\": \"" + flow + "\", \"environmentId\": \"Default-42\", \"runId\": \"0858\","
                        + " \"actions\": [{\"name\": \"HTTP\", \"statusCode\": 429}]}")
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200)
                .body("repairTips.troubleshootingTips.resubmitUrl",
                        equalTo("https://make.powerautomate.com/environments/Default-42/flows/" + flow + "/runs/0858"));
        diagnose(flow, "2026-11-27T10:00:00Z", 429).body("repairTips.troubleshootingTips.resubmitUrl", nullValue());
    }

    @Test
    void theAuditFiltersByFlowCategoryRuleEscalationAndTimeAndPages() {
        String flow = newFlow();
        // The unexplained failure comes first: a first one is self-help, a third one would go to support.
        diagnose(flow, "2026-10-31T10:00:00Z", 418);
        diagnose(flow, "2026-11-01T10:00:00Z", 401);
        diagnose(flow, "2026-11-02T10:00:00Z", 404);

        audit(flow, "category", "AUTHENTICATION").body("total", equalTo(1)).body("items[0].primaryRuleId",
                equalTo("STATUS-001"));
        audit(flow, "ruleId", "STATUS-002").body("total", equalTo(1)).body("items[0].category",
                equalTo("ACTION_CONFIGURATION"));
        audit(flow, "escalation", "SELF_HELP").body("total", equalTo(1)).body("items[0].category", equalTo("UNKNOWN"));
        given().queryParam("flowId", flow).queryParam("from", "2026-11-02T00:00:00Z").queryParam("to", "2026-11-03T00:00:00Z")
                .when().get("/api/v1/diagnoses")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].failedAt", equalTo("2026-11-02T10:00:00Z"));
        given().queryParam("flowId", flow).queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/v1/diagnoses")
                .then().statusCode(200).body("total", equalTo(3)).body("items", hasSize(1)).body("page", equalTo(1));
    }

    @Test
    void aQueryParameterInTheWrongFormIsAProblemNamingItAndTheFormItTakes() {
        given().queryParam("category", "NOPE").when().get("/api/v1/diagnoses")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("category"))
                .body("detail", equalTo("category must be one of LICENSING_OR_PERMISSION, AUTHENTICATION, CONNECTOR_LIMIT,"
                        + " THROTTLING, TIMEOUT, EXPRESSION, DATA, ACTION_CONFIGURATION, TRANSIENT, UNKNOWN, not 'NOPE'"))
                .body("errors[0].field", equalTo("category"));
        given().queryParam("from", "yesterday").when().get("/api/v1/diagnoses")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("from"))
                .body("detail", equalTo("from must be an ISO-8601 instant such as 2026-11-27T10:15:00Z, not 'yesterday'"));
        given().queryParam("escalation", "BOSS").when().get("/api/v1/diagnoses")
                .then().statusCode(400).body("field", equalTo("escalation"))
                .body("detail", containsString("one of NONE, SELF_HELP, COMMUNITY, RESOURCE_OWNER, ADMIN, SUPPORT"));
        given().queryParam("size", 500).when().get("/api/v1/diagnoses")
                .then().statusCode(400).body("field", equalTo("size"))
                .body("detail", equalTo("size must be a whole number from 1 to 200, not '500'"));
        given().queryParam("page", "first").when().get("/api/v1/escalations")
                .then().statusCode(400).body("field", equalTo("page"))
                .body("detail", equalTo("page must be a whole number from 0 to 1000000, not 'first'"));
        given().queryParam("status", "SLEEPING").when().get("/api/v1/escalations")
                .then().statusCode(400).body("field", equalTo("status"))
                .body("detail", equalTo("status must be one of OPEN, ACKNOWLEDGED, RESOLVED, not 'SLEEPING'"));
        given().queryParam("category", "data").queryParam("size", 1).when().get("/api/v1/diagnoses").then().statusCode(200);
    }

    @Test
    void oneAuditedDiagnosisComesBackInFull() {
        String flow = newFlow();
        String id = diagnose(flow, "2026-11-27T10:00:00Z", 401).extract().path("diagnosisId");
        given().when().get("/api/v1/diagnoses/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("request.flowId", equalTo(flow))
                .body("request.actions[0].statusCode", equalTo(401))
                .body("answer.diagnosisId", equalTo(id))
                .body("answer.category", equalTo("AUTHENTICATION"))
                .body("firedRules.ruleId", hasItem("STATUS-001"))
                .body("firedRules.find { it.ruleId == 'STATUS-001' }.file", equalTo("rules/codes/http-status.drl.csv"));
        given().when().get("/api/v1/diagnoses/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnknownFailureOpensOneCaseHoweverOftenItRepeats() {
        String flow = newFlow();
        // A first unexplained failure is the maker's to investigate; from the third on it goes to support.
        for (int i = 0; i < 5; i++) {
            diagnose(flow, "2026-11-27T10:0" + i + ":00Z", 418).body("escalation.level",
                    equalTo(i < 2 ? "SELF_HELP" : "SUPPORT"));
        }
        JsonPath cases = given().queryParam("status", "OPEN").queryParam("size", 200).when().get("/api/v1/escalations")
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = cases.getList("items.findAll { it.flowId == '" + flow + "' }.id");
        assertEquals(1, ids.size());
        String caseId = ids.get(0);
        given().when().get("/api/v1/escalations/" + caseId)
                .then().statusCode(200)
                .body("occurrences", equalTo(3))
                .body("level", equalTo("SUPPORT"))
                .body("reason", containsString("No rule explains"));

        change(caseId, "{\"status\": \"ACKNOWLEDGED\", \"note\": \"Looking at the connector\"}")
                .statusCode(200).body("status", equalTo("ACKNOWLEDGED"))
                .body("notes[0].text", equalTo("Looking at the connector"))
                .body("notes[0].author", equalTo("all"));
        change(caseId, "{\"status\": \"OPEN\"}")
                .statusCode(409).contentType("application/problem+json").body("field", equalTo("status"));
        change(caseId, "{\"status\": \"RESOLVED\", \"note\": \"Fixed by the vendor\"}")
                .statusCode(200).body("status", equalTo("RESOLVED")).body("notes", hasSize(2));
        change(caseId, "{\"status\": \"ACKNOWLEDGED\"}").statusCode(409);
        change(UUID.randomUUID().toString(), "{\"note\": \"x\"}").statusCode(404);
        change(caseId, "{\"status\": \"SLEEPING\"}").statusCode(400).body("field", equalTo("status"))
                .body("detail", equalTo("status must be one of OPEN, ACKNOWLEDGED, RESOLVED, not 'SLEEPING'"));

        diagnose(flow, "2026-11-27T10:09:00Z", 418);
        List<String> reopened = given().queryParam("status", "OPEN").queryParam("size", 200).when().get("/api/v1/escalations")
                .then().extract().jsonPath().getList("items.findAll { it.flowId == '" + flow + "' }.id");
        assertEquals(1, reopened.size());
        assertEquals(false, reopened.contains(caseId));
    }

    @Test
    void aDatabaseFailureGivesAClear503AndRecordsNothing() throws SQLException {
        String flow = newFlow();
        diagnose(flow, "2026-11-27T10:00:00Z", 500);
        execute("ALTER TABLE diagnosis_record RENAME TO diagnosis_record_away");
        // The failure is provoked: the service's error, Hibernate's and the transaction manager's warnings about it
        // would only alarm whoever reads the build log.
        try (var quiet = QuietLogs.of("io.flowdoctor.api.ProblemMapper", "org.hibernate.orm.jdbc.error",
                "org.hibernate.engine.jdbc.spi.SqlExceptionHelper", "com.arjuna.ats.arjuna")) {
            given().contentType(ContentType.JSON)
                    .body("{\"flowId\": \"" + flow + "\", \"actions\": [{\"name\": \"HTTP\", \"statusCode\": 500}]}")
                    .when().post("/api/v1/diagnoses")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("status", equalTo(503))
                    .body("detail", notNullValue());
        } finally {
            execute("ALTER TABLE diagnosis_record_away RENAME TO diagnosis_record");
        }
        diagnose(flow, "2026-11-27T10:10:00Z", 500).body("repairTips.troubleshootingTips.failureCount", equalTo(2));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String newFlow() {
        return "flow-" + UUID.randomUUID();
    }

    private static io.restassured.response.ValidatableResponse diagnose(String flow, String failedAt, int statusCode) {
        return given().contentType(ContentType.JSON)
                .body("{\"flowId\": \"" + flow + "\", \"failedAt\": \"" + failedAt + "\", \"runId\": \"r-" + UUID.randomUUID()
                        + "\","
                        + " \"actions\": [{\"name\": \"HTTP\", \"connector\": \"http\", \"statusCode\": " + statusCode + "}]}")
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse audit(String flow, String filter, String value) {
        return given().queryParam("flowId", flow).queryParam(filter, value)
                .when().get("/api/v1/diagnoses")
                .then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse change(String caseId, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().patch("/api/v1/escalations/" + caseId)
                .then();
    }
}
