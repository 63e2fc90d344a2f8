package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Health says whether the rule files are watched. */
@QuarkusTest
class HealthTest {

    @Test
    void livenessReportsTheRuleFileWatcher() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rule-file-watcher' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'rule-file-watcher' }.data.watching", equalTo(true))
                .body("checks.find { it.name == 'rule-file-watcher' }.data.recoveries", equalTo(0));
    }
}
