package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Nothing a caller sends can break out of a mail header or forge a log line: control characters in the
 * fields bound for either are refused with 400 naming the field, and the owner's address must be one
 * address. (A CR/LF in flowName used to reach the e-mail's subject: its preview hung and its sending failed.)
 */
@QuarkusTest
class SafeFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({ "flowName, CRLF", "flowName, LF", "flowId, CRLF", "environmentId, TAB", "runId, NUL", "locale, NEL",
            "owner.displayName, LINE_SEPARATOR", "owner.email, CRLF" })
    void aControlCharacterInAFieldIsRefusedNamingTheField(String field, String character) throws JsonProcessingException {
        String injected = switch (character) {
            case "CRLF" -> "\r\nBcc: victim@example.com\r\n";
            case "LF" -> "\n";
            case "TAB" -> "\t";
            case "NUL" -> "\u0000";
            case "NEL" -> "\u0085";
            default -> "\u2028";
        };
        ObjectNode request = request();
        String[] path = field.split("\\.");
        ObjectNode parent = path.length > 1 ? (ObjectNode) request.get(path[0]) : request;
        String leaf = path[path.length - 1];
        parent.put(leaf, parent.path(leaf).asText("x") + injected + "tail");

        given().contentType(ContentType.JSON).body(JSON.writeValueAsString(request))
                .when().post("/api/v1/diagnoses")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://flowdoctor.io/problems/invalid-request"))
                .body("field", equalTo(field))
                .body("errors.field", hasItem(field))
                .body("detail", containsString(field + " must not contain control characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "name", "connector", "operation", "errorCode", "status" })
    void aControlCharacterInAnActionFieldIsRefusedNamingTheField(String field) throws JsonProcessingException {
        ObjectNode request = request();
        ((ObjectNode) request.get("actions").get(0)).put(field, "Get\r\nitems");

        given().contentType(ContentType.JSON).body(JSON.writeValueAsString(request))
                .when().post("/api/v1/diagnoses")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("actions[0]." + field));
    }

    @Test
    void aMessageMayHoldLineBreaks() throws JsonProcessingException {
        ObjectNode request = request();
        ((ObjectNode) request.get("actions").get(0)).put("message", "Line one.\r\nLine two.\tTabbed.");

        given().contentType(ContentType.JSON).body(JSON.writeValueAsString(request))
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "a@example.com, b@example.com", "Owner <owner@example.com>", "not-an-address",
            "a@b@example.com" })
    void anOwnerAddressMustBeOneAddress(String email) throws JsonProcessingException {
        ObjectNode request = request();
        ((ObjectNode) request.get("owner")).put("email", email);

        given().contentType(ContentType.JSON).body(JSON.writeValueAsString(request))
                .when().post("/api/v1/diagnoses")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("owner.email"))
                .body("detail", containsString("owner.email must be one e-mail address"));
    }

    @Test
    void aFlowIdWithALineBreakInAPathIsRefused() {
        given().urlEncodingEnabled(false).when().get("/api/v1/flows/abc%0D%0Aforged/settings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("flowId"))
                .body("detail", containsString("abc\\r\\nforged"));
        given().urlEncodingEnabled(false).when().post("/api/v1/flows/abc%0Aforged/recoveries")
                .then().statusCode(400).body("field", equalTo("flowId"));
    }

    private static ObjectNode request() throws JsonProcessingException {
        return (ObjectNode) JSON.readTree("""
                {"flowId": "safe-%s", "flowName": "Leave request", "environmentId": "Default-1", "runId": "run-1",
                 "locale": "en", "owner": {"email": "owner@example.com", "displayName": "Owner"},
                 "actions": [{"name": "Get items", "status": "Failed", "connector": "sharepointonline",
                              "operation": "GetItems", "errorCode": "Unauthorized", "statusCode": 401}]}
                """.formatted(UUID.randomUUID()));
    }
}
