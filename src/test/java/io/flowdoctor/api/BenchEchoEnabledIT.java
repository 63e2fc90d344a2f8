package io.flowdoctor.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.flowdoctor.PackagedService;
import io.flowdoctor.TestApiKey;
import io.restassured.http.ContentType;

/**
 * Switched on, the echo endpoint returns the request it was sent: tested on the packaged service, which is what the
 * HTTP benchmark runs, so that the test suite needs no application of its own for one setting.
 */
class BenchEchoEnabledIT {

    private static final Path DATA = Path.of("target", "bench-echo-it-data");

    @Test
    void switchedOnItReturnsTheRequestItReadsAndIsListedInTheOpenApiDocument() throws Exception {
        try (PackagedService service = PackagedService.onFreshData(DATA,
                TestApiKey.withAllRolesKey("flowdoctor.bench.echo-enabled=true"))) {
            service.request().contentType(ContentType.JSON)
                    .body(BenchEchoResourceTest.REQUEST)
                    .when().post("/bench/echo")
                    .then().statusCode(200)
                    .body("flowId", equalTo("echo"))
                    .body("actions[0].name", equalTo("Get manager (V2)"))
                    .body("actions[0].statusCode", equalTo(404))
                    .body("actions[0].message", equalTo("No manager found for the specified user."));

            service.request().queryParam("format", "json")
                    .when().get("/q/openapi")
                    .then().statusCode(200)
                    .body("paths", hasKey(OpenApiRoles.BENCH_ECHO));
        }
    }
}
