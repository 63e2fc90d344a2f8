package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.flowdoctor.TestApiKey;
import io.quarkus.test.junit.QuarkusTest;

/** Failure messages carry names and addresses, API keys are secrets: neither reaches the log at INFO. */
@QuarkusTest
class LogHygieneTest {

    @Test
    void neitherFailureMessagesNorKeysAreLoggedAtInfo() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() <= Level.INFO.intValue()) {
                    logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String marker = "jane.doe-" + System.nanoTime() + "@contoso.example";
            given().contentType("application/json")
                    .body("{\"flowId\": \"logs\", \"owner\": {\"email\": \"" + marker
                            + "\"}, \"actions\": [{\"name\": \"Get user\","
                            + " \"statusCode\": 404, \"message\": \"User " + marker + " was not found\"}]}")
                    .when().post("/api/v1/diagnoses").then().statusCode(200);
            given().header(TestApiKey.HEADER, "wrong-" + marker).when().get("/api/v1/rules").then().statusCode(401);
            assertEquals(List.of(), logged.stream().filter(line -> line.contains(marker)).toList());
        } finally {
            root.removeHandler(capture);
        }
    }
}
