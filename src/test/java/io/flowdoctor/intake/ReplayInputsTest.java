package io.flowdoctor.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.flowdoctor.diagnosis.FailureHistory;
import io.flowdoctor.diagnosis.ReplayInput;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.diagnosis.RunReport.ReportedAction;

class ReplayInputsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final Instant FAILED_AT = Instant.parse("2026-11-27T10:15:00Z");

    @Test
    void theRunIsKeptWithoutItsOwnerAndWithItsHistoryAndLanguage() throws Exception {
        RunReport run = new RunReport("flow", "Leave request", "env", "run", FAILED_AT,
                new RunReport.Owner("owner@contoso.com", "Owner"),
                List.of(new ReportedAction("Get manager", null, "office365users", "Manager_V2", 404, "NotFound",
                        "No manager found")));
        FailureHistory history = new FailureHistory(3, FAILED_AT.minusSeconds(600), 2);

        String written = ReplayInputs.of(run, "Get manager", history, "nl", JSON);

        ReplayInput read = JSON.readValue(written, ReplayInput.class);
        assertNull(read.run().owner());
        assertEquals(run.actions(), read.run().actions());
        assertEquals(history, read.history());
        assertEquals("nl", read.locale());
        assertTrue(!written.contains("owner@contoso.com"));
    }

    @Test
    void theLargestRunTheLimitsLetInStaysInsideTheColumnWithItsFailingStepWhole() throws Exception {
        String field = "f".repeat(1024);
        String message = "m".repeat(32768);
        List<ReportedAction> actions = new ArrayList<>();
        for (int i = 0; i < 499; i++) {
            actions.add(new ReportedAction(i + field, "Failed", field, field, 500, field, message));
        }
        ReportedAction failing = new ReportedAction("the failing one", "Failed", field, field, 500, field, message);
        actions.add(failing);
        RunReport run = new RunReport(field, field, field, field, FAILED_AT, null, actions);

        String written = ReplayInputs.of(run, "the failing one", FailureHistory.first(FAILED_AT), "en", JSON);

        assertNotNull(written);
        assertTrue(written.length() <= ReplayInputs.MAX_JSON, "length " + written.length());
        List<ReportedAction> kept = JSON.readValue(written, ReplayInput.class).run().actions();
        assertEquals(ReplayInputs.MAX_ACTIONS, kept.size());
        assertEquals(failing, kept.get(kept.size() - 1));
        assertEquals(ReplayInputs.MAX_MESSAGES, kept.stream().filter(a -> a.message() != null).count() - 1);
    }
}
