package io.flowdoctor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.flowdoctor.TestApiKey;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The limits the HTTP layer enforces answer problem+json like every other error: a body sent in chunks
 * (no Content-Length) over flowdoctor.max-body-size, a URI too long (414), headers too large (431).
 */
@QuarkusTest
class TransportLimitsTest {

    @TestHTTPResource("/")
    URI root;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aChunkedBodyOverTheLimitIsAProblem() throws Exception {
        byte[] body = ("{\"flowId\": \"f\", \"actions\": [{\"name\": \"a\", \"message\": \"" + "m".repeat(1_200_000) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(root.resolve("/api/v1/diagnoses"))
                .header("Content-Type", "application/json").header(TestApiKey.HEADER, TestApiKey.ALL_ROLES)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(response, 413, "\"field\":\"body\"");
    }

    @Test
    void aSmallChunkedBodyIsDiagnosed() throws Exception {
        byte[] body = "{\"flowId\": \"chunked\", \"actions\": [{\"name\": \"a\", \"statusCode\": 401}]}"
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(root.resolve("/api/v1/diagnoses"))
                .header("Content-Type", "application/json").header(TestApiKey.HEADER, TestApiKey.ALL_ROLES)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"category\":\"AUTHENTICATION\""), response.body());
    }

    @Test
    void aUriTooLongIsAProblem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                root.resolve("/api/v1/diagnoses?flowId=" + "x".repeat(20_000))).header(TestApiKey.HEADER, TestApiKey.ALL_ROLES)
                .GET());

        assertProblem(response, 414, "\"status\":414");
    }

    @Test
    void headersTooLargeAreAProblem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(root.resolve("/api/v1/rules"))
                .header(TestApiKey.HEADER, TestApiKey.ALL_ROLES).header("X-Padding", "p".repeat(40_000)).GET());

        assertProblem(response, 431, "\"status\":431");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.version(HttpClient.Version.HTTP_1_1).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String expected) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), response.body());
        assertTrue(response.body().contains(expected), response.body());
    }
}
