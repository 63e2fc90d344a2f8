package io.flowdoctor.api;

import io.flowdoctor.TestApiKey;
import io.flowdoctor.TestFiles;
import io.flowdoctor.security.ApiKeyHash;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** History, audit and escalation cases survive a restart of the packaged service on its embedded database. */
class RestartIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path DATA = Path.of("target", "restart-it-data").toAbsolutePath();

    private Process service;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroy();
            service.waitFor();
        }
    }

    @Test
    void historyAuditAndCasesSurviveARestart() throws Exception {
        TestFiles.deleteTree(DATA);
        int port = freePort();

        start(port);
        diagnose(port, "2026-11-27T10:00:00Z").body("repairTips.troubleshootingTips.failureCount", equalTo(1));
        diagnose(port, "2026-11-27T10:01:00Z").body("repairTips.troubleshootingTips.failureCount", equalTo(2));
        restart(port);

        diagnose(port, "2026-11-27T10:02:00Z")
                .body("repairTips.troubleshootingTips.failureCount", equalTo(3))
                .body("repairTips.troubleshootingTips.firstFailedAt", equalTo("2026-11-27T10:00:00Z"));
        on(port).queryParam("flowId", "restart-flow").when().get("/api/v1/diagnoses")
                .then().statusCode(200).body("total", equalTo(3));
        List<Integer> occurrences = on(port).queryParam("status", "OPEN").when().get("/api/v1/escalations")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.flowId == 'restart-flow' }.occurrences");
        assertEquals(List.of(3), occurrences);
    }

    private void restart(int port) throws Exception {
        service.destroy();
        assertEquals(true, service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        start(port);
    }

    private void start(int port) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Dquarkus.http.port=" + port,
                "-Dflowdoctor.security.api-keys.all.hash=" + ApiKeyHash.of(TestApiKey.ALL_ROLES),
                "-Dflowdoctor.security.api-keys.all.roles=service,analyst,support",
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(DATA.getParent()).resolve("restart-it.log").toFile());
        builder.environment().put("FLOWDOCTOR_DATA_DIR", DATA.toString());
        service = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (on(port).when().get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notListeningYet) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The packaged service did not become ready; see target/restart-it.log");
    }

    private static io.restassured.response.ValidatableResponse diagnose(int port, String failedAt) {
        return on(port).contentType(ContentType.JSON)
                .body("{\"flowId\": \"restart-flow\", \"failedAt\": \"" + failedAt + "\","
                        + " \"actions\": [{\"name\": \"Run script\", \"connector\": \"excelonlinebusiness\", \"message\": \"Something odd\"}]}")
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200);
    }

    private static RequestSpecification on(int port) {
        return given().baseUri("http://localhost").port(port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
