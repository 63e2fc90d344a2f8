package io.flowdoctor.runs;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import io.flowdoctor.diagnosis.RunReport.ReportedAction;

/**
 * Reads one action's result, the shape result() and actions() give and the run-actions list's {@code properties}
 * share: {@code status}, {@code code} (the engine's code, for an HTTP call the status's name: NotFound,
 * BadGateway), {@code error.code} and {@code error.message}, for a connector action {@code inputs.host} (which API
 * and operation) and {@code outputs.statusCode} and {@code outputs.body} (the service's own error).
 */
final class ActionReader {

    /** The statuses of an action that failed (the others, Succeeded, Skipped, Running, ..., are not reported). */
    private static final Set<String> FAILED = Set.of("failed", "timedout", "faulted", "aborted");

    /** One action read, with where each of its fields came from. */
    record Read(ReportedAction action, Instant endTime, Map<String, At> sources) {
    }

    private ActionReader() {
    }

    static boolean failed(At status) {
        String text = status.text();
        return text != null && FAILED.contains(text.toLowerCase(Locale.ROOT));
    }

    /**
     * @param name the action's name (a key such as Get_manager_(V2), shown as the designer does: Get manager (V2))
     * @param result the object that holds status, code, error, inputs and outputs
     */
    static Read read(At name, At result) {
        String actionName = name.text();
        if (actionName == null) {
            throw new InvalidRunPayload(name.pointer(), "must name the action");
        }
        At status = result.get("status");
        At inputs = result.get("inputs");
        At host = inputs.isObject() ? inputs.get("host") : inputs;
        At outputs = result.get("outputs");
        At error = result.get("error");
        At engineCode = result.get("code");
        ServiceErrors.ServiceError service = ServiceErrors.of(outputs.get("body"));

        At statusCode = outputs.isObject() && !outputs.get("statusCode").absent() ? outputs.get("statusCode")
                : service.status();
        Integer httpStatus = statusCode == null ? null : statusCode.status();
        if (httpStatus == null) {
            httpStatus = statusNamed(engineCode.text());
            statusCode = httpStatus == null ? null : engineCode;
        }

        At errorCode = error.isObject() && !error.get("code").absent() ? error.get("code") : null;
        if (errorCode == null && service.code() != null && !service.code().absent()) {
            errorCode = service.code();
        }
        if (errorCode == null && engineCode.text() != null && statusNamed(engineCode.text()) == null) {
            errorCode = engineCode;
        }

        At message = service.message() != null && !service.message().absent() ? service.message() : null;
        if (message == null && error.isObject() && !error.get("message").absent()) {
            message = error.get("message");
        } else if (message == null && error.isText()) {
            message = error;
        }

        At connector = connectorOf(host);
        At operation = firstPresent(host.isObject() ? host.get("operationId") : null,
                inputs.isObject() ? inputs.get("operationId") : null, result.get("operationId"));

        ReportedAction action = new ReportedAction(displayName(actionName), status.text(), connectorId(connector),
                operation == null ? null : operation.text(), httpStatus, errorCode == null ? null : errorCode.text(),
                ServiceErrors.text(message));
        Map<String, At> sources = new java.util.LinkedHashMap<>();
        sources.put("name", name);
        sources.put("status", status);
        put(sources, "connector", connector);
        put(sources, "operation", operation);
        put(sources, "statusCode", statusCode);
        put(sources, "errorCode", errorCode);
        put(sources, "message", message);
        return new Read(action, result.get("endTime").instant(), sources);
    }

    /** A key of the definition (spaces written as underscores) as the designer shows it. */
    static String displayName(String key) {
        return key.replace('_', ' ').strip();
    }

    /** The status a code such as NotFound, BadGateway or TooManyRequests names, or null when it names none. */
    static Integer statusNamed(String code) {
        if (code == null) {
            return null;
        }
        String wanted = code.replace(" ", "").toLowerCase(Locale.ROOT);
        for (Response.Status status : Response.Status.values()) {
            if (status.getReasonPhrase().replace(" ", "").replace("-", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                return status.getStatusCode();
            }
        }
        return null;
    }

    /**
     * The connector of a connector action's host: {@code apiId} (/providers/Microsoft.PowerApps/apis/shared_office365users),
     * else {@code connectionName} (shared_office365users_1), else Logic Apps' {@code connection.name} or
     * {@code connection.referenceName}, else {@code api.runtimeUrl}.
     */
    private static At connectorOf(At host) {
        if (host == null || !host.isObject()) {
            return null;
        }
        At connection = host.get("connection");
        At api = host.get("api");
        return firstPresent(host.get("apiId"), host.get("connectionName"),
                connection.isObject() ? connection.get("referenceName") : null,
                connection.isObject() ? connection.get("name") : null,
                api.isObject() ? api.get("runtimeUrl") : null);
    }

    /** The last segment of an id or URL, without a connection's number suffix: shared_sharepointonline. */
    private static String connectorId(At connector) {
        String text = connector == null ? null : connector.text();
        if (text == null) {
            return null;
        }
        String last = text.replaceAll("[/?#]+$", "");
        last = last.substring(last.lastIndexOf('/') + 1);
        return last.replaceAll("(?<=\\D)_\\d+$", "");
    }

    private static void put(Map<String, At> sources, String field, At at) {
        if (at != null && !at.absent()) {
            sources.put(field, at);
        }
    }

    private static At firstPresent(At... candidates) {
        for (At candidate : candidates) {
            if (candidate != null && !candidate.absent()) {
                return candidate;
            }
        }
        return null;
    }
}
