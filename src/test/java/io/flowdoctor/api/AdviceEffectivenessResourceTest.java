package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Whether advice helps: recoveries credit the rules and tips of the diagnosis before; repeats count against them. */
@QuarkusTest
class AdviceEffectivenessResourceTest {

    private static final String RULE = "O365U-001";
    private static final String TIP = "office365users.set-manager";

    @Test
    void aRecoveryAfterAdviceCreditsItsRulesAndTipsAndARepeatCountsAgainstThem() {
        JsonPath before = catalog();
        String flow = "flow-" + UUID.randomUUID();

        String first = diagnoseMissingManager(flow);
        String second = diagnoseMissingManager(flow);
        String credited = given().when().post("/api/v1/flows/" + flow + "/recoveries")
                .then().statusCode(200).body("failureCount", equalTo(2))
                .extract().jsonPath().getString("creditedDiagnosisId");

        assertEquals(second, credited);
        JsonPath after = catalog();
        assertEquals(count(before, "given") + 2, count(after, "given"));
        assertEquals(count(before, "recoveries") + 1, count(after, "recoveries"));
        assertEquals(count(before, "repeats") + 1, count(after, "repeats"));
        assertNotNull(effectiveness(after).get("medianTimeToRecovery"));
        Map<String, Object> tip = tipEffectiveness(after);
        assertEquals(((Number) tipEffectiveness(before).get("given")).longValue() + 2, ((Number) tip.get("given")).longValue());
        assertEquals(((Number) tipEffectiveness(before).get("recoveries")).longValue() + 1,
                ((Number) tip.get("recoveries")).longValue());
        // The first diagnosis was followed by the same failure, not by a recovery.
        given().when().get("/api/v1/diagnoses/" + first).then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("flowdoctor_advice_recoveries_total{rule=\"" + RULE + "\"}"))
                .body(containsString("flowdoctor_advice_time_to_recovery_seconds_count"))
                .body(containsString("flowdoctor_advice_repeats_total{rule=\"" + RULE + "\"}"));
    }

    @Test
    void aRecoveryWithoutAnyDiagnosisCreditsNothing() {
        String flow = "flow-" + UUID.randomUUID();
        given().when().post("/api/v1/flows/" + flow + "/recoveries").then().statusCode(204);
        diagnoseMissingManager(flow);
        given().when().post("/api/v1/flows/" + flow + "/recoveries").then().statusCode(200)
                .body("creditedDiagnosisId", org.hamcrest.Matchers.notNullValue());
        // Credited once: a second recovery finds nothing new to credit and no incident open.
        given().when().post("/api/v1/flows/" + flow + "/recoveries").then().statusCode(204);
    }

    @Test
    void aRuleNeverGivenShowsZeroesAndNoMedian() {
        Map<String, Object> unused = catalog().getMap("find { it.ruleId == 'TEXT-007' }.effectiveness");
        assertNull(unused.get("medianTimeToRecovery"));
    }

    private static String diagnoseMissingManager(String flow) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("flowId", flow, "actions", List.of(Map.of("name", "Get manager (V2)",
                        "connector", "shared_office365users", "operation", "Manager_V2", "statusCode", 404,
                        "errorCode", "ResourceNotFound", "message", "No manager found for the specified user."))))
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200).body("findings[0].ruleId", equalTo(RULE))
                .extract().jsonPath().getString("diagnosisId");
    }

    private static JsonPath catalog() {
        return given().when().get("/api/v1/rules").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> effectiveness(JsonPath catalog) {
        return catalog.getMap("find { it.ruleId == '" + RULE + "' }.effectiveness");
    }

    private static Map<String, Object> tipEffectiveness(JsonPath catalog) {
        return catalog.getMap("find { it.ruleId == '" + RULE + "' }.tipEffectiveness.find { it.tipId == '" + TIP
                + "' }.effectiveness");
    }

    private static long count(JsonPath catalog, String field) {
        return ((Number) effectiveness(catalog).get(field)).longValue();
    }
}
