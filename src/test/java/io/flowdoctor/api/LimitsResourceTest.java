package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every value the API accepts fits the column it is stored in: no valid request gets a 503. */
@QuarkusTest
class LimitsResourceTest {

    @Test
    void aFlowNameOfTheLongestAcceptedLengthFitsTheEmailSubject() {
        String flowName = "N".repeat(1024);
        String diagnosisId = given().contentType(ContentType.JSON)
                .body(Map.of("flowId", "subject-" + UUID.randomUUID(), "flowName", flowName,
                        "owner", Map.of("email", "owner@example.com"),
                        "actions", List.of(Map.of("name", "Get items", "connector", "sharepointonline", "statusCode", 401))))
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200).extract().path("diagnosisId");

        given().queryParam("format", "text").when().get("/api/v1/diagnoses/" + diagnosisId + "/email")
                .then().statusCode(200).header("X-Email-Subject", containsString("'" + flowName + "'"));
    }

    @Test
    void anAnswerExplainedByManyRulesWithLongNamesFitsTheAudit() throws IOException {
        String name = "\"<&>".repeat(256);
        String message = lexiconPhrases();
        String body = given().contentType(ContentType.JSON)
                .body(Map.of("flowId", "answer-" + UUID.randomUUID(), "flowName", name, "environmentId", name, "runId", name,
                        "owner", Map.of("email", "owner@example.com", "displayName", name),
                        "actions", List.of(Map.of("name", name, "connector", "sharepointonline", "operation", name,
                                "statusCode", 403, "errorCode", "Forbidden", "message", message))))
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200).body("firedRules.size()", greaterThan(10)).extract().asString();
        String diagnosisId = io.restassured.path.json.JsonPath.from(body).getString("diagnosisId");

        given().when().get("/api/v1/diagnoses/" + diagnosisId)
                .then().statusCode(200).body("answer.diagnosisId", equalTo(diagnosisId));
        given().when().get("/api/v1/diagnoses/" + diagnosisId + "/email").then().statusCode(200);
    }

    @Test
    void aFlowIdLongerThanAnyStoredOneInASettingsPathIsRefusedNamingIt() {
        String flowId = "f".repeat(2000);
        given().when().get("/api/v1/flows/" + flowId + "/settings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("flowId"))
                .body("detail", containsString("flowdoctor.limits.max-field-length"));
        given().contentType(ContentType.JSON).body("{\"repairTipsEmail\": false}")
                .when().put("/api/v1/flows/" + flowId + "/settings")
                .then().statusCode(400).body("field", equalTo("flowId"));
        given().when().post("/api/v1/flows/" + flowId + "/recoveries")
                .then().statusCode(400).body("field", equalTo("flowId"));
        given().contentType(ContentType.JSON).body("{\"repairTipsEmail\": false}")
                .when().put("/api/v1/flows/" + "f".repeat(1024) + "/settings")
                .then().statusCode(200).body("repairTipsEmail", equalTo(false));
    }

    /** Every English wording of the lexicon in one message, up to the longest message accepted. */
    private static String lexiconPhrases() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("knowledge-base", "lexicon"))) {
            String all = files.sorted().flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(String::strip).filter(line -> line.startsWith("- "))
                    .map(line -> line.substring(2).replace("*", "").replace("...", "the"))
                    .collect(Collectors.joining(". "));
            return all.length() <= 32768 ? all : all.substring(0, 32768);
        }
    }
}
