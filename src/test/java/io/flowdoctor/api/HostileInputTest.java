package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * More than five hundred generated hostile requests: each answer is a 4xx problem or a valid diagnosis,
 * never a 5xx, never slower than a second, and the service stays healthy.
 */
@QuarkusTest
class HostileInputTest {

    private static final String VALID = """
            {"flowId": "hostile", "flowName": "Invoices", "runId": "r1", "environmentId": "Default-1", "locale": "nl",
             "actions": [{"name": "Get items", "status": "Failed", "connector": "shared_sharepointonline", "operation": "GetItems",
                          "statusCode": 429, "errorCode": "TooManyRequests", "message": "Rate limit is exceeded. Try again in 12 seconds."}]}""";
    private static final String[] FIELDS = { "flowId", "flowName", "environmentId", "runId", "failedAt", "locale", "owner",
            "actions" };
    private static final String[] ACTION_FIELDS = { "name", "status", "connector", "operation", "statusCode", "errorCode",
            "message" };
    private static final String[] WRONG_VALUES = { "null", "0", "-1", "1e308", "true", "[]", "{}", "[null]", "\"\"", "\"   \"",
            "[[[]]]", "{\"a\":{}}" };

    private final Random random = new Random(20261127);

    @Test
    void everyHostileRequestGetsAProblemOrADiagnosisQuicklyAndTheServiceStaysHealthy() {
        for (int i = 0; i < 5; i++) {
            send(VALID.getBytes(StandardCharsets.UTF_8));
        }
        List<byte[]> requests = new ArrayList<>();
        add(requests, 125, this::truncated);
        add(requests, 15, this::deeplyNested);
        add(requests, 100, this::wrongType);
        add(requests, 75, this::controlCharactersAndInvalidUtf8);
        add(requests, 20, this::hugeString);
        add(requests, 8, this::manyActions);
        add(requests, 100, this::backtrackingBait);
        add(requests, 75, this::strangeText);
        for (int i = 0; i < 30; i++) {
            requests.add(invalidUtf8());
        }
        assertTrue(requests.size() >= 500);

        List<String> offences = new ArrayList<>();
        for (byte[] body : requests) {
            long started = System.nanoTime();
            Response response = send(body);
            long millis = (System.nanoTime() - started) / 1_000_000;
            String verdict = verdict(response, millis);
            if (verdict != null) {
                offences.add(verdict + " for " + preview(body));
            }
        }
        assertEquals(List.of(), offences.stream().limit(20).toList(),
                offences.size() + " hostile requests were answered badly");
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static String verdict(Response response, long millis) {
        int status = response.statusCode();
        if (millis > 1000) {
            return "took " + millis + " ms";
        }
        if (status >= 500) {
            return "status " + status;
        }
        if (status >= 400) {
            boolean problem = response.contentType().startsWith("application/problem+json")
                    && Integer.valueOf(status).equals(response.jsonPath().get("status"));
            return problem ? null : "a " + status + " that is no problem+json";
        }
        if (status == 200) {
            boolean diagnosis = response.jsonPath().getString("diagnosisId") != null
                    && response.jsonPath().getString("category") != null;
            return diagnosis ? null : "a 200 that is no diagnosis";
        }
        return "status " + status;
    }

    private static Response send(byte[] body) {
        return given().contentType("application/json").body(body).when().post("/api/v1/diagnoses");
    }

    private static void add(List<byte[]> requests, int count, Supplier<String> generator) {
        for (int i = 0; i < count; i++) {
            requests.add(generator.get().getBytes(StandardCharsets.UTF_8));
        }
    }

    private String truncated() {
        String body = random.nextBoolean() ? VALID : withAction(VALID, random.nextInt(6));
        return body.substring(0, random.nextInt(body.length()));
    }

    private String deeplyNested() {
        int depth = 50 + random.nextInt(20_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return "{\"flowId\": \"f\", \"actions\": [{\"name\": \"a\", \"message\": " + open.repeat(depth) + "1"
                + close.repeat(depth) + "}]}";
    }

    private String wrongType() {
        String value = WRONG_VALUES[random.nextInt(WRONG_VALUES.length)];
        if (random.nextBoolean()) {
            String field = FIELDS[random.nextInt(FIELDS.length)];
            return VALID.replaceFirst("\"" + field + "\": (\"[^\"]*\"|\\[.*\\]|\\{[^}]*\\})",
                    Matcher.quoteReplacement("\"" + field + "\": " + value));
        }
        String field = ACTION_FIELDS[random.nextInt(ACTION_FIELDS.length)];
        return VALID.replaceFirst("\"" + field + "\": (\"[^\"]*\"|\\d+)",
                Matcher.quoteReplacement("\"" + field + "\": " + value));
    }

    private String controlCharactersAndInvalidUtf8() {
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(40); i++) {
            junk.append((char) random.nextInt(0x20));
        }
        if (random.nextBoolean()) {
            return VALID.replace("Rate limit", "Rate " + junk + " limit");
        }
        String escaped = junk.chars().mapToObj(c -> String.format("\\u%04x", c)).reduce("", String::concat);
        return VALID.replace("Rate limit", "Rate " + escaped + "\\ud800 limit");
    }

    private static final byte[][] INVALID_UTF8 = {
            { (byte) 0xC3, 0x28 }, { (byte) 0xFF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
            { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, { (byte) 0xC0, (byte) 0xAF },
            { (byte) 0x80 } };

    private byte[] invalidUtf8() {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        int at = VALID.indexOf("Rate limit") + random.nextInt(10);
        byte[] bad = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
        return concat(java.util.Arrays.copyOfRange(valid, 0, at), bad, java.util.Arrays.copyOfRange(valid, at, valid.length));
    }

    private String hugeString() {
        int length = 1000 + random.nextInt(40_000);
        return VALID.replace("Rate limit is exceeded.", "x".repeat(length) + " rate limit is exceeded.");
    }

    private String manyActions() {
        int count = 400 + random.nextInt(4_000);
        return withAction(VALID, count);
    }

    private String backtrackingBait() {
        String[] seeds = { "a", "ab", "(", "try again in ", "retry after ", "9", " ", "\\\\", "aaaaaaaaaaaaaaaaaaaa!", "=",
                "5f", "-5f0" };
        String seed = seeds[random.nextInt(seeds.length)];
        String message = seed.repeat(Math.max(1, (1000 + random.nextInt(30_000)) / seed.length())) + "!";
        String field = random.nextInt(4) == 0 ? "connector" : "message";
        if (field.equals("connector")) {
            message = message.substring(0, Math.min(message.length(), 1000));
        }
        return VALID.replaceFirst("\"" + field + "\": \"[^\"]*\"",
                Matcher.quoteReplacement("\"" + field + "\": \"" + message.replace("\"", "") + "\""));
    }

    private String strangeText() {
        String[] pieces = { "\u202Eevil", "\u200B\u200B", "😀🔥", "ünïcödé", "\uFEFF", "<script>alert(1)</script>",
                "'; drop table flow_state; --",
                "{{ 7*7 }}", "${jndi:ldap://127.0.0.1/a}", "\\n\\r\\t", "ＵＮＡＵＴＨＯＲＩＺＥＤ", "niet   gemachtigd" };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            text.append(pieces[random.nextInt(pieces.length)]).append(' ');
        }
        String field = FIELDS[random.nextInt(6)];
        String value = text.toString().replace("\"", "");
        return field.equals("failedAt")
                ? VALID.replace("\"flowId\": \"hostile\"", "\"failedAt\": \"" + value + "\", \"flowId\": \"hostile\"")
                : VALID.replaceFirst("\"message\": \"[^\"]*\"", Matcher.quoteReplacement("\"message\": \"" + value + "\""))
                        .replace("\"flowName\": \"Invoices\"", "\"flowName\": \"" + value + "\"");
    }

    private static String withAction(String body, int extraActions) {
        String action = "{\"name\": \"Compose\", \"status\": \"Succeeded\"}, ";
        return body.replace("\"actions\": [", "\"actions\": [" + action.repeat(extraActions));
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
        return text.replaceAll("\\p{Cntrl}", "?") + (body.length > 160 ? "… (" + body.length + " bytes)" : "");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
