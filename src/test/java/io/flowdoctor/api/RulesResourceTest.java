package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.flowdoctor.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Editing rules on a running service: reload, status, catalog, explanations and metrics. */
@QuarkusTest
@TestProfile(EditableRulesProfile.class)
class RulesResourceTest {

    private static final String MANAGER_FAILURE = """
            {"flowId": "lifecycle", "failedAt": "2026-11-27T10:15:00Z",
             "actions": [{"name": "Get manager (V2)", "connector": "office365users", "operation": "Manager_V2",
                          "statusCode": 404, "message": "No manager found for the specified user."}]}
            """;
    private static final Path HTTP_STATUS = EditableRulesProfile.RULES.resolve("codes/http-status.drl.csv");
    private static final Path THROTTLING = EditableRulesProfile.RULES.resolve("platform/throttling.drl");
    private static final String QUOTA_CONDITION = "FailedAction(errorCode == \"flowrunquotaexceeded\")";
    private static final Path MANAGER_TIPS = EditableRulesProfile.KNOWLEDGE.resolve("tips/connectors/office365users.yaml");
    private static final String MANAGER_TITLE = "en: Give the user a manager in Microsoft Entra ID";

    private final Map<Path, String> originals = new ConcurrentHashMap<>();
    private String startVersion;

    @BeforeEach
    void remember() throws IOException {
        for (Path file : List.of(HTTP_STATUS, THROTTLING, MANAGER_TIPS)) {
            originals.put(file, Files.readString(file));
        }
        startVersion = servingVersion();
    }

    @AfterEach
    void restore() throws IOException {
        for (var original : originals.entrySet()) {
            Files.writeString(original.getKey(), original.getValue());
        }
        reload();
        await().atMost(Duration.ofSeconds(60)).until(() -> servingVersion().equals(startVersion));
    }

    @Test
    void theCatalogListsEveryRuleWithWhatItCanConcludeAndHowOftenItFired() {
        int before = firedCount("O365U-001");
        diagnose(MANAGER_FAILURE);
        JsonPath catalog = given().when().get("/api/v1/rules").then().statusCode(200).extract().jsonPath();
        Map<String, Object> manager = catalog.getMap("find { it.ruleId == 'O365U-001' }");
        assertEquals("rules/connectors/office365users.drl", manager.get("file"));
        assertEquals("connectors/office365users", manager.get("family"));
        assertEquals(List.of("DATA"), manager.get("categories"));
        assertEquals(List.of("office365users.set-manager", "office365users.guard-missing-manager"), manager.get("tips"));
        assertEquals(before + 1, firedCount("O365U-001"));
        Map<String, Object> resubmit = catalog.getMap("find { it.ruleId == 'RESUBMIT-002' }");
        assertEquals(List.of("AUTOMATIC"), resubmit.get("resubmit"));
        Map<String, Object> firstUnexplained = catalog.getMap("find { it.ruleId == 'ESCALATION-001' }");
        assertEquals(List.of("SELF_HELP"), firstUnexplained.get("escalation"));
        Map<String, Object> repeatedUnexplained = catalog.getMap("find { it.ruleId == 'ESCALATION-004' }");
        assertEquals(List.of("SUPPORT"), repeatedUnexplained.get("escalation"));
    }

    @Test
    void thePrecedenceTableIsServedAsTheKnowledgeBaseRanksIt() {
        given().when().get("/api/v1/rules/precedence")
                .then().statusCode(200)
                .body("specificity[0]", equalTo("CONNECTOR"))
                .body("specificity", hasItem("SIGNAL"))
                .body("resubmit[0]", equalTo("NOT_ADVISED"))
                .body("escalation[0]", equalTo("SUPPORT"))
                .body("categories.size()", equalTo(10));
    }

    @Test
    void theStatusNamesTheVersionThatAnswers() {
        given().when().get("/api/v1/rules/status")
                .then().statusCode(200)
                .body("serving.version", equalTo(diagnose(MANAGER_FAILURE).getString("ruleSetVersion")))
                .body("serving.loadedAt", notNullValue())
                .body("serving.rules", greaterThan(10));
    }

    @Test
    void aRuleThatDoesNotCompileNeverServesAndIsReportedWithFileAndLine() {
        TestFiles.replace(THROTTLING, QUOTA_CONDITION, "FailedAction(errorCode == \"flowrunquotaexceeded\"");
        given().when().post("/api/v1/rules/reload")
                .then().statusCode(422)
                .body("result", equalTo("REJECTED"))
                .body("version", equalTo(startVersion))
                .body("rejection.problems.file", hasItem("rules/platform/throttling.drl"))
                .body("rejection.problems[0].line", greaterThan(0));
        given().when().get("/api/v1/rules/status")
                .then().body("serving.version", equalTo(startVersion))
                .body("lastRejection.problems[0].message", notNullValue());
        assertEquals(startVersion, diagnose(MANAGER_FAILURE).getString("ruleSetVersion"));
    }

    @Test
    void afterARejectedVersionTheNextGoodOneIsServingAgainInTheStatusAndTheReadiness() {
        TestFiles.replace(THROTTLING, QUOTA_CONDITION, "FailedAction(errorCode == \"flowrunquotaexceeded\"");
        given().when().post("/api/v1/rules/reload").then().statusCode(422)
                .body("servingAgain", equalTo(false))
                .body("message", containsString(startVersion + " goes on serving"));
        given().when().get("/api/v1/rules/status")
                .then().statusCode(200)
                .body("lastAttemptRejected", equalTo(true))
                .body("lastAttempt.result", equalTo("REJECTED"))
                .body("lastAttempt.version", equalTo(startVersion));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'rule-base' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'rule-base' }.data.version", equalTo(startVersion))
                .body("checks.find { it.name == 'rule-base' }.data.lastAttemptRejected", equalTo(true));

        // The tip first, so that every state the file watcher may catch on the way is still rejected.
        TestFiles.replace(MANAGER_TIPS, MANAGER_TITLE, MANAGER_TITLE + " (fixed)");
        TestFiles.replace(THROTTLING, "FailedAction(errorCode == \"flowrunquotaexceeded\"", QUOTA_CONDITION);
        given().when().post("/api/v1/rules/reload").then().statusCode(200);

        String fixed = servingVersion();
        assertNotEquals(startVersion, fixed);
        given().when().get("/api/v1/rules/status")
                .then().statusCode(200)
                .body("lastAttemptRejected", equalTo(false))
                .body("servingAgainAfter", notNullValue())
                .body("lastAttempt.message", containsString("serving again"))
                .body("lastRejection.problems[0].file", equalTo("rules/platform/throttling.drl"));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'rule-base' }.data.version", equalTo(fixed))
                .body("checks.find { it.name == 'rule-base' }.data.lastAttemptRejected", equalTo(false))
                .body("checks.find { it.name == 'rule-base' }.data.servingAgainAfter", notNullValue());
    }

    @Test
    void aReloadOfUnchangedFilesSaysSo() {
        given().when().post("/api/v1/rules/reload")
                .then().statusCode(200)
                .body("result", equalTo("UNCHANGED"))
                .body("version", equalTo(startVersion))
                .body("message",
                        containsString("Rule base " + startVersion + " unchanged: the files describe the version that serves"));
        given().when().get("/api/v1/rules/status")
                .then().statusCode(200)
                .body("lastAttempt.result", equalTo("UNCHANGED"))
                .body("lastAttempt.message", containsString("unchanged"))
                .body("lastAttemptRejected", equalTo(false));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'rule-base' }.data.lastAttempt", equalTo("UNCHANGED"));
    }

    @Test
    void aVersionThatPassedItsGateBeforeServesAgainFromItsCompiledForm() throws IOException {
        // A title of this run's own: the data directory, and the compiled forms in it, outlive a run of the tests.
        String suffix = " (again " + UUID.randomUUID() + ")";
        String edited = originals.get(MANAGER_TIPS).replace(MANAGER_TITLE, MANAGER_TITLE + suffix);
        Files.writeString(MANAGER_TIPS, edited);
        String editedVersion = awaitNewVersion(startVersion);
        given().when().get("/api/v1/rules/status").then().body("serving.loadedFrom", equalTo("COMPILED"));

        // Undone, then made again: the edited version is not compiled and gated a second time.
        Files.writeString(MANAGER_TIPS, originals.get(MANAGER_TIPS));
        awaitNewVersion(editedVersion);
        Files.writeString(MANAGER_TIPS, edited);
        assertEquals(editedVersion, awaitNewVersion(startVersion));
        given().when().get("/api/v1/rules/status").then().body("serving.loadedFrom", equalTo("CACHE"));
        assertEquals(MANAGER_TITLE.substring("en: ".length()) + suffix,
                diagnose(MANAGER_FAILURE).getString("recommendations[0].title"));
    }

    @Test
    void anEditThatBreaksAScenarioIsRejectedWithTheScenarioExpectedAndActual() {
        TestFiles.replace(HTTP_STATUS, "STATUS-004,429,", "STATUS-004,430,");
        given().when().post("/api/v1/rules/reload")
                .then().statusCode(422)
                .body("rejection.scenarioFailures.find { it.scenario == 'A bare 429 is throttling' }.file",
                        equalTo("knowledge-base/scenarios/codes/http-status.yaml"))
                .body("rejection.scenarioFailures.find { it.scenario == 'A bare 429 is throttling' }.mismatches.find { it.field == 'category' }.expected",
                        equalTo("THROTTLING"))
                .body("rejection.scenarioFailures.find { it.scenario == 'A bare 429 is throttling' }.mismatches.find { it.field == 'category' }.actual",
                        equalTo("UNKNOWN"));
        assertEquals(startVersion, servingVersion());
    }

    @Test
    void aGoodEditChangesTheAnswersWithinSecondsWithoutAnyCall() {
        TestFiles.replace(MANAGER_TIPS, MANAGER_TITLE, MANAGER_TITLE + " (edited)");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> diagnose(MANAGER_FAILURE).getString("recommendations[0].title").endsWith("(edited)"));
        given().when().get("/api/v1/rules/status")
                .then().body("previous.version", equalTo(startVersion))
                .body("serving.version", org.hamcrest.Matchers.not(equalTo(startVersion)));
    }

    @Test
    void requestsDuringReloadsAllSucceedEachOnOneConsistentVersion() throws Exception {
        // The flow is known before the clients start: the race of first diagnoses of a new flow is NewFlowsUnderLoadTest's.
        diagnose(MANAGER_FAILURE);
        Map<String, Set<String>> titlesByVersion = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int client = 0; client < 4; client++) {
            results.add(clients.submit(() -> {
                int answered = 0;
                while (running.get()) {
                    JsonPath answer = diagnose(MANAGER_FAILURE);
                    titlesByVersion.computeIfAbsent(answer.getString("ruleSetVersion"), v -> ConcurrentHashMap.newKeySet())
                            .add(answer.getString("recommendations[0].title"));
                    answered++;
                }
                return answered;
            }));
        }
        int answered = 0;
        try {
            // One reload under load: each side of it must answer with one version's texts only.
            Files.writeString(MANAGER_TIPS, originals.get(MANAGER_TIPS).replace(MANAGER_TITLE, MANAGER_TITLE + " (edited)"));
            reload();
            // A reload from a kept compiled form is quick: the clients go on until they have been answered by both.
            await().atMost(Duration.ofSeconds(30)).until(() -> titlesByVersion.size() >= 2);
        } finally {
            running.set(false);
            for (Future<Integer> result : results) {
                answered += result.get();
            }
            clients.shutdown();
        }

        assertTrue(answered > 0);
        assertEquals(2, titlesByVersion.size(), "versions seen: " + titlesByVersion.keySet());
        titlesByVersion.forEach((version, titles) -> assertEquals(1, titles.size(), version + " answered " + titles));
    }

    @Test
    void anExplanationShowsTheFactsEachRuleMatchedAndItsEvidence() {
        given().contentType(ContentType.JSON).body(MANAGER_FAILURE)
                .when().post("/api/v1/diagnoses?explain=true")
                .then().statusCode(200)
                .body("explanation.find { it.ruleId == 'O365U-001' }.matched[0].fact", equalTo("FailedAction"))
                .body("explanation.find { it.ruleId == 'O365U-001' }.matched[0].values.connector", equalTo("office365users"))
                .body("explanation.find { it.ruleId == 'O365U-001' }.matched[0].values.operation", equalTo("manager_v2"))
                .body("explanation.find { it.ruleId == 'O365U-001' }.matched[0].values.statusCode", equalTo(404))
                .body("explanation.find { it.ruleId == 'O365U-001' }.evidence", equalTo("Get manager answered 404"))
                .body("explanation.find { it.ruleId == 'O365U-001' }.concluded",
                        hasItem(containsString("office365users.set-manager")))
                .body("explanation.find { it.ruleId == 'RESUBMIT-001' }.matched[0].fact", equalTo("PrimaryFinding"));
        given().contentType(ContentType.JSON).body(MANAGER_FAILURE)
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200).body("explanation", nullValue());
    }

    @Test
    void metricsCountDiagnosesRulesReloadsAndLatency() {
        diagnose(MANAGER_FAILURE);
        TestFiles.replace(THROTTLING, QUOTA_CONDITION, "FailedAction(errorCode == \"flowrunquotaexceeded\"");
        given().when().post("/api/v1/rules/reload").then().statusCode(422);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("flowdoctor_diagnoses_total{category=\"DATA\",escalation=\"ADMIN\"}"), metrics);
        assertTrue(metrics.contains("flowdoctor_rules_fired_total{rule=\"O365U-001\"}"));
        assertTrue(metrics.contains("flowdoctor_rulebase_reloads_total{outcome=\"rejected\"}"));
        assertTrue(metrics.contains("flowdoctor_diagnosis_seconds_count"));
    }

    private static JsonPath diagnose(String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void reload() {
        int status = given().when().post("/api/v1/rules/reload").then().extract().statusCode();
        assertNotEquals(500, status);
    }

    /** Reloads (the file watcher may be first) until a version other than {@code old} serves, and names it. */
    private static String awaitNewVersion(String old) {
        reload();
        await().atMost(Duration.ofSeconds(60)).until(() -> !servingVersion().equals(old));
        return servingVersion();
    }

    private static String servingVersion() {
        return given().when().get("/api/v1/rules/status").then().statusCode(200).extract().path("serving.version");
    }

    private static int firedCount(String ruleId) {
        Number count = given().when().get("/api/v1/rules").then().extract()
                .path("find { it.ruleId == '" + ruleId + "' }.firedSinceStart");
        return count.intValue();
    }
}
