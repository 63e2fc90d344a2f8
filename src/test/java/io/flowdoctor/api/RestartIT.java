package io.flowdoctor.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.flowdoctor.PackagedService;
import io.flowdoctor.TestApiKey;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** History, audit and escalation cases survive a restart of the packaged service on its embedded database. */
class RestartIT {

    private static final Path DATA = Path.of("target", "restart-it-data");

    @Test
    void historyAuditAndCasesSurviveARestart() throws Exception {
        try (PackagedService service = PackagedService.onFreshData(DATA, TestApiKey.withAllRolesKey())) {

            diagnose(service, "2026-11-27T10:00:00Z").body("repairTips.troubleshootingTips.failureCount", equalTo(1));
            diagnose(service, "2026-11-27T10:01:00Z").body("repairTips.troubleshootingTips.failureCount", equalTo(2));
            // The third unexplained failure opens a support case.
            diagnose(service, "2026-11-27T10:02:00Z").body("escalation.level", equalTo("SUPPORT"));
            service.restart();

            diagnose(service, "2026-11-27T10:03:00Z")
                    .body("repairTips.troubleshootingTips.failureCount", equalTo(4))
                    .body("repairTips.troubleshootingTips.firstFailedAt", equalTo("2026-11-27T10:00:00Z"));
            service.request().queryParam("flowId", "restart-flow").when().get("/api/v1/diagnoses")
                    .then().statusCode(200).body("total", equalTo(4));
            List<Integer> occurrences = service.request().queryParam("status", "OPEN").when().get("/api/v1/escalations")
                    .then().statusCode(200).extract().jsonPath()
                    .getList("items.findAll { it.flowId == 'restart-flow' }.occurrences");
            assertEquals(List.of(2), occurrences);
        }
    }

    private static ValidatableResponse diagnose(PackagedService service, String failedAt) {
        return service.request().contentType(ContentType.JSON)
                .body("{\"flowId\": \"restart-flow\", \"failedAt\": \"" + failedAt + "\","
                        + " \"actions\": [{\"name\": \"Run script\", \"connector\": \"excelonlinebusiness\", \"message\": \"Something odd\"}]}")
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200);
    }
}
