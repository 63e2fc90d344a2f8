package io.flowdoctor.lifecycle;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.flowdoctor.diagnosis.ReplayInput;
import io.flowdoctor.history.AuditService.ExportLine;
import io.flowdoctor.rulebase.RuleBase;

/** Replays an export of stored diagnoses offline: the recorded answers are the baseline. */
final class ExportReplay {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ExportReplay() {
    }

    static ReplayReport replay(RuleBase candidate, Path export) throws IOException {
        ReplayReport.Builder report = new ReplayReport.Builder("recorded", candidate.version());
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                ExportLine exported = JSON.readValue(line, ExportLine.class);
                Optional<ReplayInput> input = exported.input() == null ? Optional.empty()
                        : Replayer.read(exported.input(), JSON);
                if (input.isEmpty() || exported.answer() == null) {
                    report.unreadable();
                    continue;
                }
                report.compare(exported.diagnosisId(), AnswerKey.of(exported.answer()),
                        AnswerKey.of(Replayer.diagnose(candidate, exported.diagnosisId(), input.get())));
            }
        }
        return report.build();
    }
}
