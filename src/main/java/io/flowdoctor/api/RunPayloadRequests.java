package io.flowdoctor.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;

import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.runs.InvalidRunPayload;
import io.flowdoctor.runs.RunPayload;
import io.flowdoctor.runs.RunPayloads;
import io.flowdoctor.runs.Shape;

/**
 * Reads a platform payload into runs and holds each to the rules of a v1 request (flowdoctor.limits.*, no control
 * characters, a valid owner address), naming an offending value by its place in the body the caller sent.
 */
@ApplicationScoped
public class RunPayloadRequests {

    private final Validator validator;

    public RunPayloadRequests(Validator validator) {
        this.validator = validator;
    }

    /**
     * @param flowId the flow of a bare result() array, which does not name it (the query parameter flowId); ignored
     *        for the other shapes
     */
    public List<RunPayload> read(JsonNode body, String flowId) {
        List<RunPayload> payloads = new ArrayList<>();
        for (RunPayload payload : RunPayloads.read(body)) {
            if (payload.shape() == Shape.RESULT_ARRAY) {
                if (flowId == null || flowId.isBlank()) {
                    throw new InvalidRunPayload("flowId",
                            "must be given as a query parameter: a bare result() array does not name its flow");
                }
                payload = payload.withFlowId(flowId);
            }
            payloads.add(validated(payload));
        }
        return payloads;
    }

    private RunPayload validated(RunPayload payload) {
        Set<ConstraintViolation<DiagnosisRequest>> violations = validator.validate(asRequest(payload));
        if (violations.isEmpty()) {
            return payload;
        }
        List<InvalidRunPayload.Violation> named = violations.stream()
                .map(v -> {
                    String field = ProblemMapper.fieldOf(v);
                    String pointer = payload.pointerOf(field);
                    return new InvalidRunPayload.Violation(payload.shape() == Shape.RESULT_ARRAY && field.equals("flowId")
                            ? "flowId"
                            : pointer, v.getMessage() + " (read as " + field + ")");
                })
                .sorted(Comparator.comparing(InvalidRunPayload.Violation::pointer))
                .toList();
        throw new InvalidRunPayload(named);
    }

    /** The run as the v1 request that reports it. */
    static DiagnosisRequest asRequest(RunPayload payload) {
        RunReport run = payload.report();
        return new DiagnosisRequest(run.flowId(), run.flowName(), run.environmentId(), run.runId(), run.failedAt(),
                payload.locale(),
                run.owner() == null ? null : new DiagnosisRequest.Owner(run.owner().email(), run.owner().displayName()),
                run.actions().stream().map(a -> new DiagnosisRequest.Action(a.name(), a.status(), a.connector(),
                        a.operation(), a.statusCode(), a.errorCode(), a.message())).toList(),
                run.product() == null ? null : run.product().code(), run.timeZone());
    }
}
