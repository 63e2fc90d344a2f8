package io.flowdoctor.stream;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.api.DiagnosisRequest;
import io.flowdoctor.api.ProblemMapper;
import io.flowdoctor.api.RunPayloadRequests;
import io.flowdoctor.runs.InvalidRunPayload;

/**
 * Reads a record's value as the v1 request of {@code POST /api/v1/diagnoses} (a document with {@code flowId} and
 * {@code actions}) or as a platform's own payload of {@code POST /api/v1/runs/diagnoses} (Power Automate's
 * result() with workflow(), Logic Apps' run actions or WorkflowRuntime records), held to the same validation and
 * refused with the same problems as those requests.
 */
@ApplicationScoped
public class RecordValueReader implements FailedRunReader {

    private final ObjectMapper json;
    private final Validator validator;
    private final RunPayloadRequests payloads;

    public RecordValueReader(ObjectMapper json, Validator validator, RunPayloadRequests payloads) {
        this.json = json;
        this.validator = validator;
        this.payloads = payloads;
    }

    @Override
    public List<FailedRun> read(JsonNode value) {
        if (!(value.has("flowId") && value.has("actions"))) {
            try {
                return payloads.read(value, null).stream().map(run -> new FailedRun(run.report(), run.locale())).toList();
            } catch (InvalidRunPayload e) {
                throw new UnreadableRecord(ProblemMapper.invalidRunPayloadProblem(e));
            }
        }
        DiagnosisRequest request;
        try {
            request = json.treeToValue(value, DiagnosisRequest.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableRecord(ProblemMapper.unreadableProblem(e));
        }
        Set<ConstraintViolation<DiagnosisRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new UnreadableRecord(ProblemMapper.invalidRequestProblem(violations));
        }
        return List.of(new FailedRun(request.toRunReport(), request.locale()));
    }
}
