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

/**
 * Reads a record's value as the v1 request of {@code POST /api/v1/diagnoses}, held to the same validation and
 * refused with the same problems as that request.
 */
@ApplicationScoped
public class V1RequestReader implements FailedRunReader {

    private final ObjectMapper json;
    private final Validator validator;

    public V1RequestReader(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    @Override
    public List<FailedRun> read(JsonNode value) {
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
