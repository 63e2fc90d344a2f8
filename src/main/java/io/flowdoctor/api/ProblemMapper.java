package io.flowdoctor.api;

import java.lang.reflect.Method;
import java.net.URI;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.flowdoctor.api.Problem.FieldError;
import io.flowdoctor.history.CaseProblem;
import io.flowdoctor.intake.IdempotencyConflict;
import io.flowdoctor.intake.IdempotencyKey;
import io.flowdoctor.intake.RecordingBusy;
import io.flowdoctor.notify.UnsubscribeRefused;
import io.flowdoctor.rulebase.NoActiveRuleBase;
import io.flowdoctor.rulebase.RuleEvaluationOverrun;
import io.flowdoctor.runs.InvalidRunPayload;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;

/** Every error leaves as RFC 9457 problem+json naming what was wrong; never a stack trace. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** Where every problem type of the service begins. */
    public static final String TYPES = "https://flowdoctor.io/problems/";
    private static final String CONSOLE = "/console";
    private static final String CONSOLE_SIGN_IN = "/console/j_security_check";

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e) {
        return problem(invalidRequestProblem(e.getConstraintViolations()));
    }

    /** The problem of a request that failed validation, wherever it came from (HTTP, a Kafka record). */
    public static Problem invalidRequestProblem(Collection<? extends ConstraintViolation<?>> violations) {
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(error -> error.field() + " " + error.message()).reduce((a, b) -> a + "; " + b)
                .orElse("");
        return new Problem(TYPES + "invalid-request", "The request is invalid", 400, detail,
                errors.isEmpty() ? null : errors.get(0).field(), errors);
    }

    @ServerExceptionMapper
    public Response invalidRunPayload(InvalidRunPayload e) {
        return problem(invalidRunPayloadProblem(e));
    }

    public static Problem invalidRunPayloadProblem(InvalidRunPayload e) {
        List<FieldError> errors = e.violations().stream().map(v -> new FieldError(v.pointer(), v.message())).toList();
        String detail = errors.stream()
                .map(error -> (error.field().isEmpty() ? "The body" : error.field()) + " " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("The body cannot be read");
        return new Problem(TYPES + "invalid-run-payload", "The run payload is invalid", 400, detail, e.pointer(), errors);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return problem(malformedJsonProblem(e));
    }

    static Problem malformedJsonProblem(JsonParseException e) {
        var location = e.getLocation();
        String detail = "The body is not valid JSON"
                + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
        return new Problem(TYPES + "malformed-json", "Malformed JSON", 400, detail, "body", null);
    }

    /** The problem of a body that is not JSON or does not read as the request, wherever it came from. */
    public static Problem unreadableProblem(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            return malformedJsonProblem(parse);
        }
        return e instanceof MismatchedInputException mismatch ? wrongTypeProblem(mismatch) : unreadableJsonProblem(e);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameter e) {
        return problem(new Problem(TYPES + "invalid-parameter", "A parameter is invalid", 400, e.getMessage(), e.parameter(),
                List.of(new FieldError(e.parameter(), "must be " + e.accepted()))));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        return problem(wrongTypeProblem(e));
    }

    static Problem wrongTypeProblem(MismatchedInputException e) {
        String field = pathOf(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        String given = e instanceof InvalidFormatException format && format.getValue() != null
                ? ", not '" + format.getValue() + "'"
                : "";
        String detail = field.equals("body") ? "The body must be a JSON object" : field + " must be " + expected + given;
        return new Problem(TYPES + "invalid-request", "The request is invalid", 400, detail, field,
                List.of(new FieldError(field, "must be " + expected)));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return problem(unreadableJsonProblem(e));
    }

    static Problem unreadableJsonProblem(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "body";
        return new Problem(TYPES + "invalid-request", "The request is invalid", 400,
                "The value of " + field + " cannot be read", field, null);
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e) {
        // The JSON reader reports unreadable bodies as a bare 400 with the parser's exception inside.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable instanceof MismatchedInputException mismatch ? wrongType(mismatch) : unreadableJson(unreadable);
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "HTTP " + status
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return problem(new Problem(TYPES + "http-" + status, title, status, title, null, null));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(Exception e, UriInfo uri) {
        String path = uri.getPath();
        if (path.equals(CONSOLE) || path.startsWith(CONSOLE + "/")) {
            // A person at the console: back to the sign-in form, saying why when the form itself failed.
            return Response.status(302)
                    .location(URI.create(path.equals(CONSOLE_SIGN_IN) ? "/console/login?error=true" : "/console/login"))
                    .build();
        }
        return Response.fromResponse(problem(new Problem(TYPES + "unauthenticated", "Unauthorized", 401,
                "This call needs credentials: an API key in the API key header, or a bearer token", null, null)))
                .header("WWW-Authenticate", "ApiKey")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ResourceInfo resource) {
        List<String> roles = requiredRoles(resource);
        String needs = roles.isEmpty() ? "the role this call needs"
                : "the role this call needs: " + String.join(" or ", roles);
        return problem(new Problem(TYPES + "forbidden", "Forbidden", 403, "These credentials do not carry " + needs, null,
                null, roles.isEmpty() ? null : roles, null));
    }

    /** The roles of the method's @RolesAllowed, else its class's; none when the call was not matched to a method. */
    private static List<String> requiredRoles(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return List.of();
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        for (Class<?> type = resource.getResourceClass(); allowed == null && type != null; type = type.getSuperclass()) {
            allowed = type.getAnnotation(RolesAllowed.class);
        }
        return allowed == null ? List.of() : List.of(allowed.value());
    }

    @ServerExceptionMapper
    public Response notReady(NoActiveRuleBase e) {
        return problem(new Problem(TYPES + "not-ready", "Not ready", 503, "The rule base is still loading; try again shortly",
                null, null));
    }

    /**
     * A rule that does not stop: the evaluation was cut off at its bounds and nothing was recorded. The
     * problem names the rules that kept firing, so whoever reads it can tell the analysts which one loops.
     */
    @ServerExceptionMapper
    public Response ruleOverrun(RuleEvaluationOverrun e) {
        LOG.error(e.getMessage());
        return problem(new Problem(TYPES + "rule-evaluation-overrun", "The rules did not stop", 500,
                e.getMessage() + ". Nothing was recorded; the rule base needs a fix", null, null, null, e.looping()));
    }

    @ServerExceptionMapper
    public Response idempotencyConflict(IdempotencyConflict e) {
        return problem(new Problem(TYPES + "idempotency-key-reused", "The key was used for another request", 422,
                e.getMessage(), IdempotencyKey.HEADER,
                List.of(new FieldError(IdempotencyKey.HEADER, "was sent before with another request"))));
    }

    @ServerExceptionMapper
    public Response unsubscribeRefused(UnsubscribeRefused e) {
        String kind = switch (e.reason()) {
            case INVALID -> "invalid-token";
            case EXPIRED -> "expired-token";
            case SUPERSEDED -> "superseded-token";
        };
        String title = switch (e.reason()) {
            case INVALID -> "Invalid token";
            case EXPIRED -> "Expired token";
            case SUPERSEDED -> "Superseded token";
        };
        return problem(new Problem(TYPES + kind, title, 400, e.getMessage(), "token",
                List.of(new FieldError("token", e.getMessage()))));
    }

    /** The writers' queue is full (or the recording took too long): nothing to lose, the caller tries again later. */
    @ServerExceptionMapper
    public Response recordingBusy(RecordingBusy e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return Response.fromResponse(problem(new Problem(TYPES + "busy", "Service unavailable", 503, e.getMessage(), null,
                null))).header("Retry-After", String.valueOf(seconds)).build();
    }

    @ServerExceptionMapper
    public Response caseProblem(CaseProblem e) {
        int status = e.notFound() ? 404 : 409;
        return problem(new Problem(TYPES + (e.notFound() ? "case-not-found" : "invalid-transition"),
                e.notFound() ? "Not Found" : "Invalid transition", status, e.getMessage(), e.notFound() ? null : "status",
                null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (isDatabaseFailure(e)) {
            LOG.error("The database failed while answering a request", e);
            return problem(new Problem(TYPES + "database-unavailable", "Service unavailable", 503,
                    "The history database cannot be reached; nothing was recorded and no answer is given. Try again shortly",
                    null, null));
        }
        if (isClosedConnection(e)) {
            // The caller went away, or the service is stopping: nobody reads this answer, and nothing failed.
            LOG.debugf("The connection closed while a request was read: %s", e);
            return problem(new Problem(TYPES + "connection-closed", "Service unavailable", 503,
                    "The connection closed before the request was read; nothing was recorded", null, null));
        }
        LOG.error("Unexpected failure while answering a request", e);
        return problem(new Problem(TYPES + "internal-error", "Internal error", 500,
                "The service could not answer this request; the failure has been logged", null, null));
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static boolean isClosedConnection(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the database failed somewhere along the cause chain (not the request). */
    public static boolean isDatabaseFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof PersistenceException
                    || cause instanceof jakarta.transaction.RollbackException) {
                return true;
            }
        }
        return false;
    }

    /** "actions[0].name" from a validation path, without the method and parameter it starts with. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                appendIndex(field, node);
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                appendIndex(field, node);
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** A node's index belongs to the container named before it: "actions" then [0]. */
    private static void appendIndex(StringBuilder field, Path.Node node) {
        if (node.getIndex() != null) {
            field.append('[').append(node.getIndex()).append(']');
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == java.time.Instant.class) {
            return QueryParameters.INSTANT;
        }
        if (type.isEnum()) {
            return QueryParameters.allowed(type);
        }
        return "an object";
    }
}
