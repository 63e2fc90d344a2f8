package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class DiagnosisResourceTest {

    private static final String MANAGER_FAILURE = """
            {
              "flowId": "7f1c", "flowName": "Leave request", "runId": "0858", "failedAt": "2026-11-27T10:15:00Z",
              "actions": [
                { "name": "Get manager (V2)", "connector": "shared_office365users", "operation": "Manager_V2",
                  "statusCode": 404, "errorCode": "ResourceNotFound", "message": "No manager found for the specified user." },
                { "name": "Scope", "errorCode": "ActionFailed", "message": "An action failed. No dependent actions succeeded." }
              ]
            }
            """;

    @Test
    void diagnosesTheSeedsManagerFailureWithTheWholeContract() {
        given().contentType(ContentType.JSON).body(MANAGER_FAILURE.replace("7f1c", "contract-" + java.util.UUID.randomUUID()))
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("diagnosisId", matchesPattern("[0-9a-f-]{36}"))
                .body("flowId", startsWith("contract-"))
                .body("runId", equalTo("0858"))
                .body("failedAction", equalTo("Get manager (V2)"))
                .body("category", equalTo("DATA"))
                .body("findings[0].ruleId", equalTo("O365U-001"))
                .body("findings[0].rule", equalTo("Get manager fails with not found when the user has no manager"))
                .body("findings[0].evidence", notNullValue())
                .body("findings.ruleId", hasItem("STATUS-002"))
                .body("whatHappened", startsWith("The step 'Get manager (V2)' failed."))
                .body("recommendations[0].tipId", equalTo("office365users.set-manager"))
                // No product given: the steps of every product's variant
                .body("recommendations[0].steps.size()", equalTo(5))
                .body("recommendations[0].ruleId", equalTo("O365U-001"))
                .body("resubmit.advice", equalTo("AFTER_FIX"))
                .body("resubmit.delaySeconds", nullValue())
                // Only an administrator can set a manager: the tip's actors send it there
                .body("escalation.level", equalTo("ADMIN"))
                .body("escalation.supportRequest", nullValue())
                .body("repairTips.when", equalTo("2026-11-27T10:15:00Z"))
                .body("repairTips.howToFix", containsString("1. Open the failed run"))
                .body("repairTips.troubleshootingTips.failureCount", equalTo(1))
                .body("repairTips.troubleshootingTips.firstFailedAt", equalTo("2026-11-27T10:15:00Z"))
                .body("repairTips.troubleshootingTips.resubmitUrl", nullValue())
                .body("firedRules.find { it.ruleId == 'O365U-001' }.file", equalTo("rules/connectors/office365users.drl"))
                .body("ruleSetVersion", matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void theLocaleFieldWinsOverAcceptLanguage() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en-US")
                .body(MANAGER_FAILURE.replace("\"flowId\"", "\"locale\": \"nl-NL\", \"flowId\""))
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200)
                .body("locale", equalTo("nl"))
                .body("recommendations[0].title", equalTo("Geef de gebruiker een manager in Microsoft Entra ID"));
    }

    @Test
    void acceptLanguageChoosesDutchAndUnknownLanguagesFallBackToEnglish() {
        given().contentType(ContentType.JSON).header("Accept-Language", "fr-FR, nl;q=0.8").body(MANAGER_FAILURE)
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200).body("whatHappened", startsWith("De stap 'Get manager (V2)' is mislukt."));
        given().contentType(ContentType.JSON).header("Accept-Language", "de-DE").body(MANAGER_FAILURE)
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200).body("locale", equalTo("en"));
    }

    @Test
    void anUnexplainedFailureIsSelfHelpAtFirstAndOpensAFilledSupportRequestWhenItRepeats() {
        String failure = """
                {"flowId": "f9", "flowName": "Invoices", "runId": "r1", "failedAt": "2026-11-27T10:1%d:00Z",
                 "actions": [{"name": "Run script", "connector": "excelonlinebusiness", "message": "Something odd"}]}
                """;
        for (int first = 0; first < 2; first++) {
            given().contentType(ContentType.JSON).body(failure.formatted(first))
                    .when().post("/api/v1/diagnoses")
                    .then().statusCode(200)
                    .body("category", equalTo("UNKNOWN"))
                    .body("escalation.level", equalTo("SELF_HELP"))
                    .body("escalation.reason", containsString("does not go to support"))
                    .body("escalation.supportRequest", nullValue());
        }
        given().contentType(ContentType.JSON).body(failure.formatted(5))
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200)
                .body("category", equalTo("UNKNOWN"))
                .body("escalation.level", equalTo("SUPPORT"))
                .body("escalation.supportRequest.problemType", equalTo("Flow run failure"))
                .body("escalation.supportRequest.category", equalTo("Other"))
                .body("escalation.supportRequest.description", containsString("Flow \"Invoices\" (id f9"))
                .body("escalation.supportRequest.description", containsString("Something odd"))
                .body("escalation.links.kind", contains("SELF_HELP", "COMMUNITY", "CONTACT_SUPPORT"));
    }

    @Test
    void aMissingFailureTimeMeansNow() {
        given().contentType(ContentType.JSON)
                .body("{\"flowId\": \"f\", \"actions\": [{\"name\": \"HTTP\", \"statusCode\": 500}]}")
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200)
                .body("repairTips.when", startsWith(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()))
                .body("resubmit.advice", equalTo("AUTOMATIC"))
                .body("resubmit.delaySeconds", equalTo(8))
                .body("resubmit.maxAttempts", equalTo(4));
    }

    @Test
    void aMissingFlowIdIsNamed() {
        badRequest("{\"actions\": [{\"name\": \"a\"}]}", "flowId");
    }

    @Test
    void emptyOrMissingActionsAreNamed() {
        badRequest("{\"flowId\": \"f\", \"actions\": []}", "actions");
        badRequest("{\"flowId\": \"f\"}", "actions");
    }

    @Test
    void anActionWithoutANameIsNamedWithItsIndex() {
        badRequest("{\"flowId\": \"f\", \"actions\": [{\"name\": \"a\"}, {\"statusCode\": 500}]}", "actions[1].name");
    }

    @Test
    void wrongTypesAreNamed() {
        badRequest("{\"flowId\": \"f\", \"actions\": [{\"name\": \"a\", \"statusCode\": \"four hundred\"}]}",
                "actions[0].statusCode");
        badRequest("{\"flowId\": \"f\", \"actions\": \"none\"}", "actions");
        badRequest("{\"flowId\": \"f\", \"failedAt\": \"yesterday\", \"actions\": [{\"name\": \"a\"}]}", "failedAt");
        badRequest("[1, 2]", "body");
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() {
        badRequest("{\"flowId\": \"f\" \"actions\": []}", "body")
                .body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("line 1"));
        badRequest("{\"flowId\": \"f\", \"actions\": [", "actions");
    }

    @Test
    void anEmptyBodyIsNamed() {
        badRequest("", "body");
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() {
        String huge = "x".repeat(1024 * 1024);
        given().contentType(ContentType.JSON)
                .body("{\"flowId\": \"f\", \"actions\": [{\"name\": \"a\", \"message\": \"" + huge + "\"}]}")
                .when().post("/api/v1/diagnoses")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("field", equalTo("body"));
    }

    @Test
    void everyLimitIsAProblemThatNamesTheFieldAndTheSetting() {
        String action = "{\"name\": \"a\"}";
        badRequest("{\"flowId\": \"f\", \"actions\": [" + String.join(",", java.util.Collections.nCopies(501, action)) + "]}",
                "actions")
                .body("detail", containsString("flowdoctor.limits.max-actions"));
        badRequest(
                "{\"flowId\": \"f\", \"actions\": [{\"name\": \"a\"}, {\"name\": \"b\", \"message\": \"" + "m".repeat(32769)
                        + "\"}]}",
                "actions[1].message")
                .body("detail", containsString("flowdoctor.limits.max-message-length"));
        badRequest("{\"flowId\": \"" + "f".repeat(1025) + "\", \"actions\": [{\"name\": \"a\"}]}", "flowId")
                .body("detail", containsString("flowdoctor.limits.max-field-length"));
        badRequest(
                "{\"flowId\": \"f\", \"owner\": {\"email\": \"" + "e".repeat(1025) + "\"}, \"actions\": [{\"name\": \"a\"}]}",
                "owner.email");
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void eachStepSaysWhoActsAndEachTipWhenResubmittingIsSafeHowToVerifyAndWhereItComesFrom() {
        given().contentType(ContentType.JSON)
                .body(MANAGER_FAILURE.replace("\"flowId\"",
                        "\"product\": \"power-automate\", \"timeZone\": \"Europe/Amsterdam\","
                                + " \"flowId\""))
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200)
                .body("recommendations[0].tipId", equalTo("office365users.set-manager"))
                // Power Automate's own steps only: the Logic Apps variants of the last step are left out
                .body("recommendations[0].stepDetails.size()", equalTo(3))
                .body("recommendations[0].stepDetails[0].actor", equalTo("maker"))
                .body("recommendations[0].stepDetails[0].text", startsWith("Open the failed run"))
                .body("recommendations[0].stepDetails[1].actor", equalTo("tenant-admin"))
                .body("recommendations[0].stepDetails[1].access", startsWith("User Administrator"))
                .body("recommendations[0].stepDetails[2].text", containsString("28-day run history"))
                .body("recommendations[0].appliesTo.products", hasItem("power-automate"))
                .body("recommendations[0].resubmitSafety", equalTo("safe"))
                .body("recommendations[0].resubmitCheck", nullValue())
                .body("recommendations[0].verify", notNullValue())
                .body("recommendations[0].docs[0].url", startsWith("https://learn.microsoft.com/"))
                .body("recommendations[0].docs[0].verified", matchesPattern("\\d{4}-\\d{2}-\\d{2}"))
                .body("recommendations[0].source", equalTo("knowledge-base/sources/connectors/office365users.md"))
                .body("repairTips.troubleshootingTips.resubmitUrl", nullValue());
    }

    @Test
    void anUnknownProductOrTimeZoneIsRefusedNamingTheField() {
        badRequest(MANAGER_FAILURE.replace("\"flowId\"", "\"product\": \"power-apps\", \"flowId\""), "product")
                .body("detail", containsString("power-automate, logic-apps-consumption, logic-apps-standard"));
        badRequest(MANAGER_FAILURE.replace("\"flowId\"", "\"timeZone\": \"Mars/Olympus\", \"flowId\""), "timeZone")
                .body("detail", containsString("IANA time zone"));
    }

    @Test
    void openApiAndHealthAreServed() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.'/api/v1/diagnoses'.post", notNullValue());
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    private static io.restassured.response.ValidatableResponse badRequest(String body, String field) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/diagnoses")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", startsWith("https://"))
                .body("title", notNullValue())
                .body("detail", containsString(field.equals("body") ? "" : field))
                .body("field", equalTo(field))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("trace")));
    }
}
