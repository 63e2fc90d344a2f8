package io.flowdoctor.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.flowdoctor.diagnosis.Category;
import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.diagnosis.RunReport.ReportedAction;
import io.flowdoctor.knowledge.Language;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Two thousand unexplained failures of five kinds, from four clients at once, are five gaps with their counts. */
@QuarkusTest
class KnowledgeGapsAtScaleTest {

    private static final int FAILURES = 2_000;
    private static final int FLOWS = 40;

    @Inject
    DiagnosisIntake intake;

    @Test
    void twoThousandFailuresOfFiveKindsAreFiveGapsWithTheirCounts() throws Exception {
        String connector = "shared_gizmos" + UUID.randomUUID().toString().substring(0, 8);
        String flowPrefix = "scale-" + UUID.randomUUID() + "-";
        List<IntFunction<String>> kinds = List.of(
                i -> "Gizmo " + i + " rejected the token of user" + i + "@contoso.com",
                i -> "Spindle '" + "Line " + i + "' stalled at " + (i % 60) + " rpm (request " + UUID.randomUUID() + ")",
                i -> "Hopper batch " + i + " overflowed on 2026-11-" + (10 + i % 18) + "T10:00:00Z",
                i -> "Conveyor at https://plant" + i + ".example.com/belts/" + i + " lost its rhythm",
                i -> "Valve \"V-" + i + "\" chattered " + i + " times");
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Category>> answers = new ArrayList<>();
        for (int n = 0; n < FAILURES; n++) {
            int i = n;
            answers.add(clients.submit(() -> {
                Diagnosis diagnosis = intake.diagnose(new RunReport(flowPrefix + (i % FLOWS), null, null, "run-" + i,
                        Instant.parse("2026-11-27T10:00:00Z").plusSeconds(i), null,
                        List.of(new ReportedAction("Drive the gizmo", null, connector, "Drive", null, null,
                                kinds.get(i % kinds.size()).apply(i)))),
                        Language.DEFAULT, false);
                return diagnosis.category();
            }));
        }
        for (Future<Category> answer : answers) {
            assertEquals(Category.UNKNOWN, answer.get());
        }
        clients.shutdown();

        JsonPath gaps = given().queryParam("connector", connector).queryParam("size", 10)
                .when().get("/api/v1/knowledge-gaps").then().statusCode(200).extract().jsonPath();
        assertEquals(kinds.size(), gaps.getInt("total"));
        for (Map<String, Object> gap : gaps.<Map<String, Object>> getList("items")) {
            assertEquals(FAILURES / kinds.size(), ((Number) gap.get("occurrences")).intValue(), gap.toString());
            // Flow i % 40 meets kind i % 5: each kind comes from the eight flows of its residue.
            assertEquals(FLOWS / kinds.size(), ((Number) gap.get("flows")).intValue(), gap.toString());
            assertEquals(5, ((List<?>) gap.get("examples")).size());
        }
    }
}
