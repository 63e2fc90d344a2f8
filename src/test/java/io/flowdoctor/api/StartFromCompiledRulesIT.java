package io.flowdoctor.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.flowdoctor.PackagedService;
import io.flowdoctor.TestApiKey;
import io.flowdoctor.TestFiles;
import io.restassured.http.ContentType;

/**
 * A start with unchanged rules serves the compiled form its gate passed at the previous start, and answers from
 * it; a changed rule set is compiled and passes the whole gate again.
 */
class StartFromCompiledRulesIT {

    private static final Path DATA = Path.of("target", "compiled-rules-it-data");
    /** Not the compiled forms the other tests' services share: this test starts from none. */
    private static final String OWN_COMPILED_RULES = "flowdoctor.compiled-rules-dir="
            + DATA.resolve("compiled-rules").toAbsolutePath();

    @Test
    void aSecondStartServesTheCompiledFormAndAChangedRuleSetIsGatedAgain() throws Exception {
        String version;
        try (PackagedService service = PackagedService.onFreshData(DATA, TestApiKey.withAllRolesKey(OWN_COMPILED_RULES))) {
            version = serving(service, "COMPILED");
            assertTrue(Files.isRegularFile(DATA.resolve("compiled-rules").resolve(version + ".rulebase")),
                    "the gated version is kept in the data directory");

            service.stop();
            long logBefore = service.logSize();
            Instant launched = Instant.now();
            service.start();
            Duration toReady = Duration.between(launched, Instant.now());
            assertEquals(version, serving(service, "CACHE"));
            service.request().when().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'rule-base' }.data.loadedFrom", equalTo("CACHE"));
            service.request().header("X-API-Key", TestApiKey.ALL_ROLES).contentType(ContentType.JSON)
                    .body(Files.readString(Path.of("samples", "connectors-office365users-no-manager.json")))
                    .when().post("/api/v1/diagnoses")
                    .then().statusCode(200)
                    .body("category", equalTo("DATA"))
                    .body("findings[0].ruleId", equalTo("O365U-001"))
                    .body("ruleSetVersion", equalTo(version));
            assertTrue(service.logSince(logBefore).contains("(rule-base-early-read) Rule base " + version
                    + " read from its compiled form"), "read while the database and the extensions start");
            assertTrue(service.logSince(logBefore).contains("(rule-base-early-read) Rule base " + version
                    + " read from its compiled form answers its first scenario"), "proved before it serves");
            System.out.println("Second start, unchanged rules: ready after " + toReady.toMillis() + " ms");
        }

        Path copy = Path.of("target", "compiled-rules-it-rules");
        TestFiles.deleteTree(copy.toAbsolutePath());
        Path rules = TestFiles.copyTree(Path.of("rules"), copy);
        Files.writeString(rules.resolve("advice").resolve("resubmit.drl"), "\n// changed\n", StandardOpenOption.APPEND);
        try (PackagedService changed = new PackagedService(DATA, TestApiKey.withAllRolesKey(OWN_COMPILED_RULES,
                "flowdoctor.rules-dir=" + rules.toAbsolutePath())).start()) {
            String changedVersion = serving(changed, "COMPILED");
            assertTrue(!changedVersion.equals(version), "a changed rule set is another version");
        }
    }

    /** The serving version, after checking how it came to serve. */
    private static String serving(PackagedService service, String loadedFrom) {
        return service.request().header("X-API-Key", TestApiKey.ALL_ROLES).when().get("/api/v1/rules/status")
                .then().statusCode(200)
                .body("serving.loadedFrom", equalTo(loadedFrom))
                .extract().path("serving.version");
    }
}
