package io.flowdoctor.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.diagnosis.Diagnoser;
import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.diagnosis.FailureHistory;
import io.flowdoctor.diagnosis.ReplayInput;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.diagnosis.RunReport.ReportedAction;
import io.flowdoctor.history.AuditService.ExportLine;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.lifecycle.ReplayReport.Kind;

/** ./check-rules --replay: an export's recorded answers against what these rules answer now. */
class ExportReplayTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Instant FAILED_AT = Instant.parse("2026-11-27T10:15:00Z");

    @TempDir
    Path directory;

    @Test
    void onlyAnswersThatWouldDifferAreReportedAndUnreadableLinesAreCounted() throws Exception {
        ReplayInput missingManager = input(new ReportedAction("Get manager (V2)", null, "shared_office365users",
                "Manager_V2", 404, "ResourceNotFound", "No manager found for the specified user."));
        ReplayInput unexplained = input(new ReportedAction("Turn", null, "shared_sprockets", null, null, null,
                "Sprocket slipped"));
        UUID same = UUID.randomUUID();
        UUID changed = UUID.randomUUID();
        ObjectNode recordedOtherwise = JSON.valueToTree(diagnose(unexplained));
        recordedOtherwise.put("category", "TIMEOUT");

        Path export = directory.resolve("export.jsonl");
        Files.write(export, List.of(
                JSON.writeValueAsString(new ExportLine(same, FAILED_AT, JSON.valueToTree(missingManager),
                        JSON.valueToTree(diagnose(missingManager)))),
                JSON.writeValueAsString(new ExportLine(changed, FAILED_AT, JSON.valueToTree(unexplained), recordedOtherwise)),
                "{\"diagnosisId\": \"" + UUID.randomUUID() + "\", \"input\": {\"run\": null}, \"answer\": {}}",
                ""));

        ReplayReport report = ExportReplay.replay(ProjectRuleBase.get(), export);

        assertEquals("recorded", report.baseline());
        assertEquals(2, report.replayed());
        assertEquals(1, report.changed());
        assertEquals(1, report.unreadable());
        assertEquals(List.of(new ReplayReport.ChangeGroup(Kind.CATEGORY, "TIMEOUT", "UNKNOWN", 1, List.of(changed))),
                report.changes());
    }

    private static ReplayInput input(ReportedAction action) {
        return new ReplayInput(new RunReport("flow", null, null, "run", FAILED_AT, null, List.of(action)),
                FailureHistory.first(FAILED_AT), "en");
    }

    private static Diagnosis diagnose(ReplayInput input) {
        return Diagnoser.diagnose(ProjectRuleBase.get(), input.run(), Language.DEFAULT, input.history(),
                Diagnoser.Options.plain());
    }
}
