package io.flowdoctor.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.flowdoctor.diagnosis.ReplayInput;
import io.flowdoctor.diagnosis.RunReport;

/**
 * A scenario case for a failure observed in production, in the scenarios' YAML, to paste under {@code cases:}
 * of a scenario file: the example's request and history as the audit kept them, its source, and the
 * expectations left empty for the analyst to fill in.
 */
public final class ScenarioSkeleton {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ScenarioSkeleton() {
    }

    /** What the skeleton says about where the example comes from. */
    public record Origin(String gapId, String template, long occurrences, int flows, String diagnosisId) {
    }

    public static String of(Origin origin, ReplayInput example) {
        RunReport run = example.run();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("flowId", run.flowId());
        request.put("flowName", run.flowName());
        request.put("runId", run.runId());
        request.put("failedAt", run.failedAt());
        request.put("actions", run.actions());
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", "Observed in production: " + origin.template());
        scenario.put("source", "observed in production (knowledge gap " + origin.gapId() + ", diagnosis "
                + origin.diagnosisId() + ")");
        if (example.locale() != null && !example.locale().equals("en")) {
            scenario.put("locale", example.locale());
        }
        if (example.history() != null && example.history().failureCount() > 1) {
            scenario.put("history", Map.of("failureCount", example.history().failureCount(),
                    "failuresInLastHour", example.history().failuresInLastHour()));
        }
        scenario.put("request", request);
        try {
            String text = "# Knowledge gap " + origin.gapId() + ": " + origin.occurrences() + " failure(s) in "
                    + origin.flows() + " flow(s) the rules could not explain.\n"
                    + "# Paste under 'cases:' of the scenario file of the family whose rule will explain it, name the case\n"
                    + "# by its cause, remove what identifies people, and fill in what the diagnosis must say.\n"
                    + YAML.writeValueAsString(List.of(scenario))
                    + "  expect:\n"
                    + "    category:\n"
                    + "    primaryRule:\n"
                    + "    tips: []\n"
                    + "    resubmit:\n"
                    + "    escalation:\n";
            // Indented as the cases of a scenario file are, so that it pastes as it is.
            return text.lines().map(line -> "  " + line + "\n").collect(Collectors.joining());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A scenario skeleton could not be written", e);
        }
    }
}
