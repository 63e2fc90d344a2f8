package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.flowdoctor.TestApiKey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Method;

/** Each endpoint family against each role: anonymous 401, a wrong role 403, the right role through. */
@QuarkusTest
class SecurityTest {

    private static final String DIAGNOSIS = "{\"flowId\": \"security\", \"actions\": [{\"name\": \"HTTP\", \"statusCode\": 500}]}";

    /** An endpoint family, one call of it, and the role it needs. */
    record Call(String family, Method method, String path, String body, String role, String... alsoAllowed) {

        boolean allows(String key) {
            return role.equals(key) || List.of(alsoAllowed).contains(key);
        }

        @Override
        public String toString() {
            return family + " " + method + " " + path;
        }
    }

    static List<Call> calls() {
        String id = UUID.randomUUID().toString();
        return List.of(
                new Call("diagnoses", Method.POST, "/api/v1/diagnoses", DIAGNOSIS, TestApiKey.SERVICE),
                new Call("recoveries", Method.POST, "/api/v1/flows/security/recoveries", null, TestApiKey.SERVICE),
                new Call("flow settings", Method.PUT, "/api/v1/flows/security/settings", "{\"repairTipsEmail\": true}",
                        TestApiKey.SERVICE),
                new Call("rule catalog", Method.GET, "/api/v1/rules", null, TestApiKey.ANALYST),
                new Call("rule status", Method.GET, "/api/v1/rules/status", null, TestApiKey.ANALYST),
                new Call("rule reload", Method.POST, "/api/v1/rules/reload", null, TestApiKey.ANALYST),
                new Call("replay", Method.POST, "/api/v1/rules/replay?failures=1", null, TestApiKey.ANALYST),
                new Call("replay status", Method.GET, "/api/v1/rules/replay/" + id, null, TestApiKey.ANALYST),
                new Call("knowledge gaps", Method.GET, "/api/v1/knowledge-gaps", null, TestApiKey.ANALYST),
                new Call("knowledge gap", Method.GET, "/api/v1/knowledge-gaps/" + id, null, TestApiKey.ANALYST),
                new Call("knowledge gap decision", Method.PATCH, "/api/v1/knowledge-gaps/" + id,
                        "{\"status\": \"DISMISSED\"}", TestApiKey.ANALYST),
                new Call("knowledge gap scenario", Method.GET, "/api/v1/knowledge-gaps/" + id + "/scenario", null,
                        TestApiKey.ANALYST),
                new Call("audit export", Method.GET, "/api/v1/diagnoses/export?last=1", null, TestApiKey.SUPPORT),
                new Call("audit", Method.GET, "/api/v1/diagnoses", null, TestApiKey.SUPPORT),
                new Call("audit entry", Method.GET, "/api/v1/diagnoses/" + id, null, TestApiKey.SUPPORT),
                new Call("e-mail preview", Method.GET, "/api/v1/diagnoses/" + id + "/email", null, TestApiKey.SUPPORT,
                        TestApiKey.ANALYST),
                new Call("escalations", Method.GET, "/api/v1/escalations", null, TestApiKey.SUPPORT),
                new Call("escalation change", Method.PATCH, "/api/v1/escalations/" + id, "{\"note\": \"x\"}",
                        TestApiKey.SUPPORT));
    }

    static Stream<Arguments> callsAndWrongRoles() {
        return calls().stream().flatMap(call -> Stream.of(TestApiKey.SERVICE, TestApiKey.ANALYST, TestApiKey.SUPPORT)
                .filter(key -> !call.allows(key))
                .map(key -> Arguments.of(call, key)));
    }

    @ParameterizedTest(name = "{0} anonymous")
    @MethodSource("calls")
    void anonymousCallsGet401(Call call) {
        send(call, "").then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @ParameterizedTest(name = "{0} with an unknown key")
    @MethodSource("calls")
    void anUnknownKeyGets401(Call call) {
        send(call, "not-a-key").then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("callsAndWrongRoles")
    void aWrongRoleGets403NamingTheRoleItNeeds(Call call, String key) {
        List<String> roles = new java.util.ArrayList<>(List.of(role(call.role())));
        List.of(call.alsoAllowed()).forEach(also -> roles.add(role(also)));
        send(call, key).then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403))
                .body("requiredRoles", equalTo(roles))
                .body("detail",
                        equalTo("These credentials do not carry the role this call needs: " + String.join(" or ", roles)));
    }

    /** The role a test key holds: test-service-key holds service. */
    private static String role(String key) {
        return key.replace("test-", "").replace("-key", "");
    }

    @ParameterizedTest(name = "{0} with its role")
    @MethodSource("calls")
    void theRightRoleGetsThrough(Call call) {
        send(call, call.role()).then().statusCode(not(org.hamcrest.Matchers.oneOf(401, 403, 500)));
    }

    @Test
    void healthOpenApiAndMetricsStayOpen() {
        for (String path : List.of("/q/health/ready", "/q/openapi", "/q/metrics")) {
            given().header(TestApiKey.HEADER, "").when().get(path).then().statusCode(200);
        }
    }

    @Test
    void noEndpointAcceptsRuleText() {
        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertTrue(!openApi.contains("text/x-drl") && !openApi.toLowerCase().contains("\"rule text\""));
        String serving = given().when().get("/api/v1/rules/status").then().extract().path("serving.version");
        given().contentType("text/plain").body("rule \"x\" @id(\"SENT-001\") when then end")
                .when().post("/api/v1/rules/reload")
                .then().statusCode(not(equalTo(500)));
        given().when().get("/api/v1/rules/status").then().body("serving.version", equalTo(serving));
        given().when().get("/api/v1/rules").then().body("ruleId", not(org.hamcrest.Matchers.hasItem("SENT-001")));
    }

    private static io.restassured.response.Response send(Call call, String key) {
        var request = given().header(TestApiKey.HEADER, key);
        if (call.body() != null) {
            request = request.contentType("application/json").body(call.body());
        }
        return request.when().request(call.method(), call.path());
    }
}
