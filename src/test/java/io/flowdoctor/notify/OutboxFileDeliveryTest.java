package io.flowdoctor.notify;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The embedded default: every repair-tips e-mail is an .eml file in the data directory's outbox. */
@QuarkusTest
class OutboxFileDeliveryTest {

    private static final Path OUTBOX = Path.of("target", "test-data", "outbox");

    @Test
    void anEmailBecomesAnEmlFileWithBothParts() throws IOException {
        String owner = "owner-" + UUID.randomUUID() + "@example.com";
        given().contentType(ContentType.JSON)
                .body("{\"flowId\": \"outbox-" + UUID.randomUUID() + "\", \"flowName\": \"Invoices\", \"owner\": {\"email\": \""
                        + owner + "\"},"
                        + " \"actions\": [{\"name\": \"Get items\", \"connector\": \"sharepointonline\", \"statusCode\": 401}]}")
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> emlFor(owner) != null);
        String eml = emlFor(owner);
        assertTrue(eml.contains("Subject: Your flow 'Invoices' failed: Sign the connection in again, then resubmit the run"),
                eml);
        assertTrue(eml.contains("multipart/alternative"), eml);
        assertTrue(eml.contains("text/plain") && eml.contains("text/html"), eml);
    }

    @Test
    void theDataDirectoryTheDatabaseAndTheOutboxAreReadableByTheOwnerOnly() throws IOException {
        String owner = "owner-" + UUID.randomUUID() + "@example.com";
        given().contentType(ContentType.JSON)
                .body("{\"flowId\": \"perm-" + UUID.randomUUID() + "\", \"owner\": {\"email\": \"" + owner + "\"},"
                        + " \"actions\": [{\"name\": \"Get items\", \"connector\": \"sharepointonline\", \"statusCode\": 401}]}")
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> emlFor(owner) != null);

        assertEquals("rwx------", permissions(OUTBOX.getParent()));
        assertEquals("rw-------", permissions(OUTBOX.getParent().resolve("flowdoctor.mv.db")));
        assertEquals("rwx------", permissions(OUTBOX));
        try (var files = Files.list(OUTBOX)) {
            for (Path eml : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                if (Files.readString(eml).contains("To: " + owner)) {
                    assertEquals("rw-------", permissions(eml));
                }
            }
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String emlFor(String owner) throws IOException {
        if (!Files.isDirectory(OUTBOX)) {
            return null;
        }
        try (var files = Files.list(OUTBOX)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                String content = Files.readString(file);
                if (content.contains("To: " + owner)) {
                    return content;
                }
            }
        }
        return null;
    }
}
