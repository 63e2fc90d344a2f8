package io.flowdoctor.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.flowdoctor.Instants;
import io.flowdoctor.diagnosis.RunReport;

/**
 * A body of {@code POST /api/v1/diagnoses} kept in a file (samples/, a failed run saved by an analyst), read
 * without a server: the run it reports and the locale it asks for. It holds the request to the API's rules that
 * the diagnosis needs (a flow id, at least one action, every action named), so that a file the service would
 * refuse is refused here too, naming the field.
 */
public record RequestFile(Path path, RunReport run, String locale) {

    /** Unknown fields are left alone, as the service does. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A request file that cannot be read or that the service would refuse; the message names the field. */
    public static class Unreadable extends RuntimeException {

        Unreadable(Path path, String message) {
            super(path + ": " + message);
        }
    }

    public static RequestFile read(Path path) {
        JsonNode body;
        try {
            body = JSON.readTree(Files.readString(path));
        } catch (JsonProcessingException e) {
            throw new Unreadable(path, "is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new Unreadable(path, "cannot be read (" + e.getMessage() + ")");
        }
        if (body == null || !body.isObject()) {
            throw new Unreadable(path, "the body must be a JSON object");
        }
        JsonNode actions = body.get("actions");
        if (actions == null || !actions.isArray() || actions.isEmpty()) {
            throw new Unreadable(path, "actions must be an array of at least one action");
        }
        for (int i = 0; i < actions.size(); i++) {
            if (!actions.get(i).isObject()) {
                throw new Unreadable(path, "actions[" + i + "] must be an object");
            }
        }
        RunReport run;
        try {
            run = JSON.treeToValue(body, RunReport.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreadable(path, "cannot be read as a diagnosis request (" + e.getMessage().lines().findFirst().orElse("")
                    + ")");
        }
        List<String> problems = new ArrayList<>();
        if (run.flowId() == null || run.flowId().isBlank()) {
            problems.add("flowId must not be blank");
        }
        for (int i = 0; i < run.actions().size(); i++) {
            RunReport.ReportedAction action = run.actions().get(i);
            if (action.name() == null || action.name().isBlank()) {
                problems.add("actions[" + i + "].name must not be blank");
            }
        }
        if (!problems.isEmpty()) {
            throw new Unreadable(path, String.join("; ", problems));
        }
        JsonNode locale = body.get("locale");
        return new RequestFile(path, run, locale == null || locale.isNull() ? null : locale.asText());
    }

    /** The run as the service takes it in: a run without a failure time failed now. */
    public RunReport runFailedAtOrNow() {
        return run.failedAt() == null ? run.failedAt(Instants.now()) : run;
    }
}
