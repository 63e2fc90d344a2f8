package io.flowdoctor.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Many flows failing with one signature at once open one outage case that links them all, instead of one escalation
 * case per flow; each owner hears of the outage once; recoveries annotate and then resolve it. Sent by several
 * clients at once, so the count is exact under concurrency (on H2, and on PostgreSQL with -Ppostgresql).
 */
@QuarkusTest
class OutageConsolidationTest {

    private static final int FLOWS = 300;
    private static final int THRESHOLD = 20; // flowdoctor.outages.flows
    private static final String OUTAGE_SENTENCE = "part of a wider outage";

    /** A DLP policy that every flow posting to Teams meets at once: an administrator's case per flow, until the outage. */
    private static String failure(String flow, String run, String code, Instant failedAt) {
        return """
                {"flowId": "%s", "runId": "%s", "failedAt": "%s",
                 "owner": {"email": "owner@contoso.com", "displayName": "Owner"},
                 "actions": [{"name": "Post message", "connector": "shared_teams", "statusCode": 403, "errorCode": "%s",
                   "message": "Admin data policy 'Contoso Strict' restricts the use of /providers/Microsoft.PowerApps/apis/shared_teams with /providers/Microsoft.PowerApps/apis/shared_twitter."}]}
                """
                .formatted(flow, run, failedAt, code);
    }

    @Test
    void threeHundredFlowsFailingWithOneSignatureOpenExactlyOneOutageCase() throws Exception {
        String prefix = "outage-" + UUID.randomUUID() + "-";
        String code = "PolicyBlock" + UUID.randomUUID().toString().substring(0, 8);
        Instant failedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> flows = IntStream.range(0, FLOWS).mapToObj(i -> prefix + i).toList();

        List<JsonPath> answers = send(flows, flow -> failure(flow, "run-1", code, failedAt));
        assertTrue(answers.stream().allMatch(a -> "LICENSING_OR_PERMISSION".equals(a.getString("category"))
                && "ADMIN".equals(a.getString("escalation.level"))), "every failure escalates to an administrator");

        List<Map<String, Object>> open = outagesWithCode(code);
        assertEquals(1, open.size(), "one outage case for the signature");
        String outageId = (String) open.get(0).get("id");
        JsonPath outage = given().when().get("/api/v1/outages/" + outageId).then().statusCode(200).extract().jsonPath();
        assertEquals("OPEN", outage.getString("status"));
        assertEquals("teams", outage.getString("connector"));
        assertEquals("LICENSING_OR_PERMISSION", outage.getString("category"));
        assertEquals(FLOWS, outage.getInt("flows"));
        assertEquals(FLOWS, outage.getInt("failures"));
        assertEquals(FLOWS, outage.getList("linkedFlows").size());
        assertEquals(flows.stream().sorted().toList(), outage.getList("linkedFlows.flowId", String.class).stream().sorted()
                .toList());

        // The flows that failed before the threshold was reached got their own case; none after.
        long cases = QuarkusTransaction.requiringNew().call(() -> EscalationCase.count("flowId like ?1", prefix + "%"));
        assertEquals(THRESHOLD - 1, cases);

        // One e-mail per flow: the flows linked once the outage was open are told of it.
        Map<String, List<OutboxEmail>> emails = emails(prefix);
        assertEquals(FLOWS, emails.size());
        assertTrue(emails.values().stream().allMatch(list -> list.size() == 1), "one e-mail per flow");
        long toldOfOutage = emails.values().stream().filter(list -> list.get(0).text.contains(OUTAGE_SENTENCE)).count();
        assertEquals(FLOWS - (THRESHOLD - 1), toldOfOutage);
        long notified = outage.getList("linkedFlows.ownerNotifiedAt").stream().filter(at -> at != null).count();
        assertEquals(toldOfOutage, notified);

        // The same flows failing again join the outage: no new case, no second e-mail for it.
        List<String> again = flows.subList(100, 150);
        send(again, flow -> failure(flow, "run-2", code, failedAt.plusSeconds(60)));
        assertEquals(1, outagesWithCode(code).size());
        given().when().get("/api/v1/outages/" + outageId).then().statusCode(200)
                .body("flows", equalTo(FLOWS)).body("failures", equalTo(FLOWS + again.size()));
        assertEquals(THRESHOLD - 1,
                (long) QuarkusTransaction.requiringNew().call(() -> EscalationCase.count("flowId like ?1", prefix + "%")));
        assertTrue(again.stream().allMatch(flow -> emails(prefix).get(flow).size() == 1), "no second e-mail for the outage");

        // Recoveries annotate the outage, and the last one resolves it.
        send(flows.subList(0, 150), flow -> null);
        given().when().get("/api/v1/outages/" + outageId).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("recoveredFlows", equalTo(150))
                .body("note", equalTo("150 of 300 linked flows have recovered"));
        send(flows.subList(150, FLOWS), flow -> null);
        given().when().get("/api/v1/outages/" + outageId).then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("recoveredFlows", equalTo(FLOWS));
        assertTrue(outagesWithCode(code).isEmpty(), "no open outage left");
        given().queryParam("status", "RESOLVED").queryParam("size", 200).when().get("/api/v1/outages")
                .then().statusCode(200);
    }

    @Test
    void aFewFlowsFailingAlikeOpenNoOutage() throws Exception {
        String prefix = "few-" + UUID.randomUUID() + "-";
        String code = "PolicyBlock" + UUID.randomUUID().toString().substring(0, 8);
        List<String> flows = IntStream.range(0, THRESHOLD - 1).mapToObj(i -> prefix + i).toList();
        send(flows, flow -> failure(flow, "run-1", code, Instant.now()));
        assertTrue(outagesWithCode(code).isEmpty());
        assertFalse(emails(prefix).values().stream().anyMatch(list -> list.get(0).text.contains(OUTAGE_SENTENCE)));
        assertEquals(THRESHOLD - 1,
                (long) QuarkusTransaction.requiringNew().call(() -> EscalationCase.count("flowId like ?1", prefix + "%")));
    }

    @Test
    void outagesAreForSupportAndAnUnknownOneIsNotFound() {
        given().header("X-API-Key", "test-service-key").when().get("/api/v1/outages").then().statusCode(403);
        given().when().get("/api/v1/outages/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("status", "CLOSED").when().get("/api/v1/outages").then().statusCode(400)
                .body("field", equalTo("status"));
    }

    /** Sends a failure (or, for a null body, a recovery) for each flow from eight clients at once. */
    private static List<JsonPath> send(List<String> flows, java.util.function.Function<String, String> body)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<JsonPath>> calls = new ArrayList<>();
            for (String flow : flows) {
                String request = body.apply(flow);
                calls.add(() -> request == null
                        ? given().when().post("/api/v1/flows/{flowId}/recoveries", flow).then().extract().jsonPath()
                        : given().contentType(ContentType.JSON).body(request).when().post("/api/v1/diagnoses")
                                .then().statusCode(200).extract().jsonPath());
            }
            List<JsonPath> answers = new ArrayList<>();
            for (Future<JsonPath> answer : clients.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    private static List<Map<String, Object>> outagesWithCode(String code) {
        List<Map<String, Object>> open = given().queryParam("status", "OPEN").queryParam("size", 200)
                .when().get("/api/v1/outages").then().statusCode(200).extract().jsonPath().getList("items");
        return open.stream().filter(o -> code.toLowerCase().equals(o.get("errorCode"))).toList();
    }

    private static Map<String, List<OutboxEmail>> emails(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEmail.<OutboxEmail> list("flowId like ?1", prefix + "%")
                .stream().collect(java.util.stream.Collectors.groupingBy(e -> e.flowId)));
    }
}
