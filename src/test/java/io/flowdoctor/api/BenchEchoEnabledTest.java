package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Switched on, the echo endpoint returns the request it was sent. */
@QuarkusTest
@TestProfile(BenchEchoEnabledTest.EchoEnabled.class)
class BenchEchoEnabledTest {

    public static class EchoEnabled implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("flowdoctor.bench.echo-enabled", "true");
        }
    }

    @Test
    void returnsTheRequestItReads() {
        given().contentType(ContentType.JSON).body(BenchEchoResourceTest.REQUEST)
                .when().post("/bench/echo")
                .then().statusCode(200)
                .body("flowId", equalTo("echo"))
                .body("actions[0].name", equalTo("Get manager (V2)"))
                .body("actions[0].statusCode", equalTo(404))
                .body("actions[0].message", equalTo("No manager found for the specified user."));
    }

    @Test
    void switchedOnItIsListedInTheOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey(OpenApiRoles.BENCH_ECHO));
    }
}
