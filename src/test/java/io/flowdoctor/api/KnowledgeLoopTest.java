package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The loop from a gap to a rule: a what-if replay of a candidate reports exactly the answers its change
 * alters; a reload that explains a gap marks it covered and replays what it changed; the audit exports
 * what a replay needs.
 */
@QuarkusTest
@TestProfile(EditableRulesProfile.class)
class KnowledgeLoopTest {

    private static final String TEXT_RULES = "generic/message-text.drl";
    private static final Path TEXT_SCENARIOS = EditableRulesProfile.KNOWLEDGE.resolve("scenarios/generic/message-text.yaml");
    private static final String POLICY_PHRASE = "|| text contains \"due to admin api policies\")";
    private static final Duration RELOAD = Duration.ofSeconds(180);

    private final Map<Path, String> originals = new HashMap<>();
    private String startVersion;

    @BeforeEach
    void remember() throws IOException {
        for (Path file : List.of(EditableRulesProfile.RULES.resolve(TEXT_RULES),
                EditableRulesProfile.CANDIDATE_RULES.resolve(TEXT_RULES), TEXT_SCENARIOS)) {
            originals.put(file, Files.readString(file));
        }
        startVersion = servingVersion();
    }

    /** The files as they were, and the version they make serving again, so that each test starts alike. */
    @AfterEach
    void restore() throws IOException {
        for (Map.Entry<Path, String> original : originals.entrySet()) {
            Files.writeString(original.getKey(), original.getValue());
        }
        await().atMost(RELOAD).pollInterval(Duration.ofMillis(500)).until(() -> servingVersion().equals(startVersion));
    }

    @Test
    void aWhatIfReplayReportsExactlyTheAnswersItsChangeAlters() {
        String connector = KnowledgeGapsResourceTest.newConnector();
        List<String> changing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            changing.add(KnowledgeGapsResourceTest.diagnose(KnowledgeGapsResourceTest.newFlow(), "2026-11-27T10:00:00Z",
                    connector, "Gadget vault " + i + " sealed by custodian"));
        }
        for (int i = 0; i < 3; i++) {
            KnowledgeGapsResourceTest.diagnose(KnowledgeGapsResourceTest.newFlow(), "2026-11-27T10:00:00Z", connector,
                    "Gadget vault " + i + " flooded overnight");
        }
        String serving = servingVersion();
        // The candidate, not the rules that serve: the policy rule learns one more wording.
        TestFiles.replace(EditableRulesProfile.CANDIDATE_RULES.resolve(TEXT_RULES), POLICY_PHRASE,
                "|| text contains \"due to admin api policies\" || text contains \"sealed by custodian\")");

        JsonPath report = replay(1000);

        assertEquals("DONE", report.getString("state"));
        assertEquals(serving, report.getString("report.baseline"));
        assertEquals(changing.size(), report.getInt("report.changed"));
        assertEquals(List.of(changing.size()), report.getList(
                "report.changes.findAll { it.kind == 'CATEGORY' && it.from == 'UNKNOWN' && it.to == 'LICENSING_OR_PERMISSION' }.count"));
        assertEquals(List.of(changing.size()),
                report.getList("report.changes.findAll { it.kind == 'PRIMARY_RULE' && it.to == 'TEXT-007' }.count"));
        List<String> examples = report.getList("report.changes.examples.flatten()");
        assertTrue(Set.copyOf(changing).containsAll(examples), examples + " not all of " + changing);
        assertEquals(serving, servingVersion(), "a what-if replay never activates its candidate");
    }

    @Test
    void aCandidateThatDoesNotCompileIsRejectedWithItsFileAndLine() {
        TestFiles.replace(EditableRulesProfile.CANDIDATE_RULES.resolve(TEXT_RULES), POLICY_PHRASE, "|| text contains )");

        JsonPath report = replay(10);

        assertEquals("REJECTED", report.getString("state"));
        assertTrue(report.getString("rejection.problems[0].file").endsWith("message-text.drl"),
                report.getString("rejection.problems[0].file"));
    }

    @Test
    void aGapExportedAsAScenarioAndExplainedByARuleIsCoveredAfterTheReloadWhichReplaysWhatItChanged()
            throws IOException {
        String connector = KnowledgeGapsResourceTest.newConnector();
        for (int i = 0; i < 3; i++) {
            KnowledgeGapsResourceTest.diagnose(KnowledgeGapsResourceTest.newFlow(), "2026-11-27T10:00:00Z", connector,
                    "Gadget hopper " + i + " wedged by sentinel");
        }
        JsonPath gaps = KnowledgeGapsResourceTest.list("connector", connector);
        assertEquals("OPEN", gaps.getString("items[0].status"));
        String gap = gaps.getString("items[0].id");
        String before = servingVersion();
        String scenario = given().when().get("/api/v1/knowledge-gaps/" + gap + "/scenario").then().statusCode(200)
                .extract().asString();

        // The analyst's part: the expectations, pasted into the family's scenarios, and the wording in its rule.
        String filledIn = scenario.replace("    category:\n", "    category: LICENSING_OR_PERMISSION\n")
                .replace("    primaryRule:\n", "    primaryRule: TEXT-007\n");
        Files.writeString(TEXT_SCENARIOS, Files.readString(TEXT_SCENARIOS).stripTrailing() + "\n\n" + filledIn);
        TestFiles.replace(EditableRulesProfile.RULES.resolve(TEXT_RULES), POLICY_PHRASE,
                "|| text contains \"due to admin api policies\" || text contains \"wedged by sentinel\")");

        await().atMost(RELOAD).pollInterval(Duration.ofMillis(500)).until(() -> !servingVersion().equals(before)
                && "DONE".equals(status().getString("lastReplay.state")));
        String after = servingVersion();
        JsonPath status = status();
        assertEquals(before, status.getString("lastReplay.report.baseline"));
        assertEquals(after, status.getString("lastReplay.report.candidate"));
        assertEquals(3, status.getInt("lastReplay.report.changed"));

        await().atMost(RELOAD).pollInterval(Duration.ofMillis(500)).until(() -> "COVERED".equals(
                given().when().get("/api/v1/knowledge-gaps/" + gap).then().extract().path("status")));
        given().when().get("/api/v1/knowledge-gaps/" + gap).then().statusCode(200)
                .body("coveredByRule", equalTo("TEXT-007")).body("coveredInVersion", equalTo(after));
    }

    @Test
    void theExportHoldsWhatEachDiagnosisReadAndAnswered() throws IOException {
        String connector = KnowledgeGapsResourceTest.newConnector();
        String diagnosis = KnowledgeGapsResourceTest.diagnose(KnowledgeGapsResourceTest.newFlow(), "2026-11-27T10:00:00Z",
                connector, "Gadget crate 7 misplaced");

        String export = given().queryParam("last", 2).when().get("/api/v1/diagnoses/export")
                .then().statusCode(200).contentType(AuditResource.JSON_LINES).extract().asString();

        List<String> lines = export.lines().toList();
        assertEquals(2, lines.size());
        JsonNode newest = new ObjectMapper().readTree(lines.get(0));
        assertEquals(diagnosis, newest.path("diagnosisId").asText());
        assertEquals(connector, newest.path("input").path("run").path("actions").get(0).path("connector").asText());
        assertEquals("Gadget crate 7 misplaced",
                newest.path("input").path("run").path("actions").get(0).path("message").asText());
        assertEquals(1, newest.path("input").path("history").path("failureCount").asInt());
        assertEquals("UNKNOWN", newest.path("answer").path("category").asText());
        assertTrue(newest.path("input").path("run").path("owner").isNull() || newest.path("input").path("run").path("owner")
                .isMissingNode());
    }

    private static JsonPath replay(int failures) {
        String location = given().queryParam("failures", failures).when().post("/api/v1/rules/replay")
                .then().statusCode(202).extract().header("Location");
        assertNotEquals(null, location);
        await().atMost(RELOAD).pollInterval(Duration.ofMillis(500)).until(() -> Set.of("DONE", "REJECTED", "FAILED")
                .contains(given().when().get(location).then().statusCode(200).extract().<String> path("state")));
        return given().when().get(location).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath status() {
        return given().when().get("/api/v1/rules/status").then().statusCode(200).extract().jsonPath();
    }

    private static String servingVersion() {
        return status().getString("serving.version");
    }
}
