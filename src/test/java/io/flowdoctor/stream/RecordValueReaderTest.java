package io.flowdoctor.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** A topic carries v1 requests and the platforms' own payloads alike; what it cannot read names the field. */
@QuarkusTest
class RecordValueReaderTest {

    @Inject
    RecordValueReader reader;

    @Inject
    ObjectMapper json;

    private JsonNode fixture(String name) throws IOException {
        try (InputStream in = RecordValueReaderTest.class.getResourceAsStream("/payloads/" + name)) {
            return json.readTree(in);
        }
    }

    @Test
    void logicAppsDiagnosticRecordsAreReadLikeTheirHttpRequest() throws IOException {
        List<FailedRun> runs = reader.read(fixture("logic-apps/workflow-runtime-records-learn.json"));

        assertFalse(runs.isEmpty());
        runs.forEach(run -> assertFalse(run.report().actions().isEmpty()));
    }

    @Test
    void diagnosticRecordsThatReportNoFailedActionHoldNoRun() throws IOException {
        // The scope's ActionFailed and the run's completion: its failed action's record comes in another event.
        assertEquals(List.of(), reader.read(fixture("logic-apps/workflow-runtime-records-split-run-1.json")));
    }

    @Test
    void aV1RequestIsReadAsBefore() throws IOException {
        List<FailedRun> runs = reader.read(json.readTree(
                """
                        {"flowId": "flow-topic-1", "locale": "nl", "actions": [
                          {"name": "Get manager (V2)", "connector": "office365users", "statusCode": 404, "message": "No manager found"}]}
                        """));

        assertEquals(1, runs.size());
        assertEquals("flow-topic-1", runs.get(0).report().flowId());
        assertEquals("nl", runs.get(0).locale());
    }

    @Test
    void aPlatformPayloadItCannotReadIsRefusedNamingThePlace() throws IOException {
        UnreadableRecord refused = assertThrows(UnreadableRecord.class,
                () -> reader.read(json.readTree("{\"records\": {}}")));

        assertEquals("/records", refused.problem().field());
    }
}
