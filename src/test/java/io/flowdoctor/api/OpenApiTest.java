package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document lets Swagger UI send an API key, names each operation's roles, and lists no disabled endpoint. */
@QuarkusTest
class OpenApiTest {

    @Test
    void theApiKeySchemeIsDeclaredAndEveryOperationNamesItsRoles() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.securitySchemes.ApiKey.type", equalTo("apiKey"))
                .body("components.securitySchemes.ApiKey.in", equalTo("header"))
                .body("components.securitySchemes.ApiKey.name", equalTo("X-API-Key"))
                .body("paths.'/api/v1/diagnoses'.post.security[0].ApiKey", equalTo(java.util.List.of("service")))
                .body("paths.'/api/v1/diagnoses'.post.x-roles", equalTo(java.util.List.of("service")))
                .body("paths.'/api/v1/diagnoses'.post.description", containsString("Roles: service"))
                .body("paths.'/api/v1/diagnoses'.get.x-roles", equalTo(java.util.List.of("support")))
                .body("paths.'/api/v1/rules/reload'.post.description", containsString("Roles: analyst"))
                .body("paths.'/api/v1/diagnoses/{id}/email'.get.description", containsString("Roles: support or analyst"))
                .body("paths.'/api/v1/unsubscribe'.get", not(hasKey("x-roles")));
    }

    @Test
    void theSwitchedOffEchoEndpointIsNotListed() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/diagnoses"))
                .body("paths", not(hasKey(OpenApiRoles.BENCH_ECHO)));
    }
}
