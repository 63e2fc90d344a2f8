package io.flowdoctor.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.flowdoctor.PackagedService;
import io.flowdoctor.TestApiKey;
import io.restassured.http.ContentType;

/** A first start as the README describes it: no keys configured, the keys handed over before any request. */
class FirstStartIT {

    private static final Path DATA = Path.of("target", "first-start-it-data");

    @Test
    void theKeysAreHandedOverAtStartAndTheServiceKeyDiagnoses() throws Exception {
        try (PackagedService service = PackagedService.onFreshData(DATA)) {

            Path handOver = service.data().resolve("initial-api-keys.txt");
            assertTrue(Files.exists(handOver), "the key file exists before any request");
            String serviceKey = key(Files.readAllLines(handOver), "service");

            service.request().header(TestApiKey.HEADER, serviceKey).contentType(ContentType.JSON)
                    .body("""
                            {"flowId": "first-start", "actions": [{"name": "Get manager (V2)", "connector": "office365users",
                             "statusCode": 404, "message": "No manager found for the specified user."}]}""")
                    .when().post("/api/v1/diagnoses")
                    .then().statusCode(200)
                    .body("category", equalTo("DATA"))
                    .body("findings[0].ruleId", notNullValue());
        }
    }

    private static String key(List<String> lines, String role) {
        return lines.stream().filter(line -> line.startsWith(role + "=")).map(line -> line.substring(role.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no " + role + " key in " + lines));
    }
}
