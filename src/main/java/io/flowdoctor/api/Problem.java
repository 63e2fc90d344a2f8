package io.flowdoctor.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.flowdoctor.rulebase.RuleRef;

/**
 * An RFC 9457 problem detail. {@code field} names the first offending field (or query parameter); {@code errors}
 * lists each one when there are several; {@code requiredRoles}, of a 403, the roles the call needs; {@code rules}
 * names the rules a problem of the rule base comes from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, List<FieldError> errors,
        List<String> requiredRoles, List<RuleRef> rules) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String field, List<FieldError> errors) {
        this(type, title, status, detail, field, errors, null, null);
    }

    /** One field that was wrong, and how. */
    public record FieldError(String field, String message) {
    }
}
