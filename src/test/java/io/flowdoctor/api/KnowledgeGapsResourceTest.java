package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.flowdoctor.TestApiKey;
import io.flowdoctor.scenario.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Knowledge gaps: unexplained failures clustered by signature, listed, dismissed and exported as scenarios. */
@QuarkusTest
class KnowledgeGapsResourceTest {

    private static final ObjectMapper SCENARIO_YAML = YAMLMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void unexplainedFailuresOfOneKindAreOneGapWhateverTheirIdsAndFlows() {
        String connector = newConnector();
        List<String> flows = List.of(newFlow(), newFlow(), newFlow());
        List<String> diagnoses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            diagnoses.add(diagnose(flows.get(i % 3), "2026-11-2" + (i + 1) + "T10:00:00Z", connector,
                    "Spool " + (4400 + i) + " of 'Order " + i + "' jammed at gate " + i + " for jan" + i + "@contoso.com"));
        }
        diagnose(flows.get(0), "2026-11-27T11:00:00Z", connector, "Sprocket unit overheated while idle");

        JsonPath gaps = list("connector", connector);
        assertEquals(2, gaps.getInt("total"));
        assertEquals("spool <n> of '<name>' jammed at gate <n> for <email>", gaps.getString("items[0].template"));
        assertEquals(7, gaps.getInt("items[0].occurrences"));
        assertEquals(3, gaps.getInt("items[0].flows"));
        assertEquals("2026-11-21T10:00:00Z", gaps.getString("items[0].firstSeen"));
        assertEquals("2026-11-27T10:00:00Z", gaps.getString("items[0].lastSeen"));
        assertEquals("OPEN", gaps.getString("items[0].status"));
        // The latest five are kept as examples, newest first, each an audited diagnosis.
        List<String> latestFive = new ArrayList<>(diagnoses.subList(2, 7));
        java.util.Collections.reverse(latestFive);
        assertEquals(latestFive, gaps.getList("items[0].examples.diagnosisId"));
        assertEquals("/api/v1/diagnoses/" + diagnoses.get(6), gaps.getString("items[0].examples[0].href"));
        given().when().get(gaps.getString("items[0].examples[0].href")).then().statusCode(200)
                .body("answer.category", equalTo("UNKNOWN"));
        assertEquals(1, gaps.getInt("items[1].occurrences"));
    }

    @Test
    void aFailureTheRulesExplainIsNoGap() {
        String connector = newConnector();
        diagnose(newFlow(), "2026-11-27T10:00:00Z", connector,
                "The caller does not have permission to perform action Microsoft.Storage/storageAccounts/read");
        assertEquals(0, list("connector", connector).getInt("total"));
    }

    @Test
    void aGapIsDismissedWithANoteAndListedByStatus() {
        String connector = newConnector();
        diagnose(newFlow(), "2026-11-27T10:00:00Z", connector, "Frobnication of the widget stalled");
        String gap = list("connector", connector).getString("items[0].id");

        given().contentType(ContentType.JSON).body(Map.of("status", "DISMISSED", "note", "A test connector"))
                .when().patch("/api/v1/knowledge-gaps/" + gap)
                .then().statusCode(200).body("status", equalTo("DISMISSED")).body("note", equalTo("A test connector"));

        assertEquals(0, given().queryParam("connector", connector).queryParam("status", "open")
                .when().get("/api/v1/knowledge-gaps").then().statusCode(200).extract().jsonPath().getInt("total"));
        given().queryParam("connector", connector).queryParam("status", "dismissed")
                .when().get("/api/v1/knowledge-gaps").then().statusCode(200)
                .body("items[0].id", equalTo(gap)).body("items[0].note", equalTo("A test connector"));
        // A dismissed gap still counts what comes.
        diagnose(newFlow(), "2026-11-27T11:00:00Z", connector, "Frobnication of the widget stalled");
        given().when().get("/api/v1/knowledge-gaps/" + gap).then().statusCode(200)
                .body("occurrences", equalTo(2)).body("status", equalTo("DISMISSED"));
    }

    @Test
    void onlyARuleBaseCoversAGapAndAnUnknownStatusIsNamedWithTheAcceptedOnes() {
        String connector = newConnector();
        diagnose(newFlow(), "2026-11-27T10:00:00Z", connector, "Frobnication of the gizmo stalled");
        String gap = list("connector", connector).getString("items[0].id");

        given().contentType(ContentType.JSON).body(Map.of("status", "COVERED"))
                .when().patch("/api/v1/knowledge-gaps/" + gap)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("status")).body("detail", containsString("OPEN or DISMISSED"));
        given().queryParam("status", "solved").when().get("/api/v1/knowledge-gaps")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("status")).body("detail", containsString("OPEN, DISMISSED, COVERED"));
        given().when().get("/api/v1/knowledge-gaps/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aGapBecomesAScenarioToPasteWithTheExampleRequestAndEmptyExpectations() throws Exception {
        String connector = newConnector();
        String flow = newFlow();
        String diagnosis = diagnose(flow, "2026-11-27T10:00:00Z", connector, "Quux pipeline 17 refused the batch");
        String gap = list("connector", connector).getString("items[0].id");

        String yaml = given().when().get("/api/v1/knowledge-gaps/" + gap + "/scenario")
                .then().statusCode(200).contentType(containsString("application/yaml")).extract().asString();

        assertTrue(yaml.startsWith("  # Knowledge gap " + gap), yaml);
        List<Scenario> cases = SCENARIO_YAML.readValue(yaml, new TypeReference<List<Scenario>>() {
        });
        Scenario scenario = cases.get(0);
        assertTrue(scenario.source().contains("observed in production") && scenario.source().contains(diagnosis),
                scenario.source());
        assertEquals(flow, scenario.request().flowId());
        assertEquals("Quux pipeline 17 refused the batch", scenario.request().actions().get(0).message());
        assertEquals(connector, scenario.request().actions().get(0).connector());
        assertNull(scenario.expect().category());
        assertNull(scenario.expect().primaryRule());
        assertFalse(yaml.contains("owner"), yaml);
    }

    @Test
    void gapsAreForAnalysts() {
        given().header(TestApiKey.HEADER, TestApiKey.SERVICE).when().get("/api/v1/knowledge-gaps")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().header(TestApiKey.HEADER, TestApiKey.ANALYST).when().get("/api/v1/knowledge-gaps")
                .then().statusCode(200);
    }

    static String diagnose(String flow, String failedAt, String connector, String message) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("flowId", flow, "failedAt", failedAt, "owner", Map.of("email", "owner@contoso.com"),
                        "actions", List.of(Map.of("name", "Process the widget", "connector", connector,
                                "operation", "Process", "message", message))))
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200).extract().jsonPath().getString("diagnosisId");
    }

    static JsonPath list(String filter, String value) {
        return given().queryParam(filter, value).when().get("/api/v1/knowledge-gaps")
                .then().statusCode(200).extract().jsonPath();
    }

    static String newConnector() {
        return "shared_widgets" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String newFlow() {
        return "flow-" + UUID.randomUUID();
    }
}
