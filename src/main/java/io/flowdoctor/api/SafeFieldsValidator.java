package io.flowdoctor.api;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.knowledge.Coded;
import io.flowdoctor.knowledge.Product;
import io.flowdoctor.notify.ControlCharacters;
import io.flowdoctor.notify.EmailAddresses;

/**
 * Refuses control characters in every field but the actions' messages (ids and names reach the e-mail's
 * subject and the log; a message is free text that only reaches the e-mail's body, escaped), and an owner
 * address that is not one address of RFC 5321 syntax on the allowed domains.
 */
@ApplicationScoped
public class SafeFieldsValidator implements ConstraintValidator<SafeFields, DiagnosisRequest> {

    private static final String CONTROL = "must not contain control characters (line breaks, tabs, NUL, ...)";

    /** Read per request: the validator is made while the application starts, before its configuration is. */
    private final Provider<FlowDoctorConfig> config;

    public SafeFieldsValidator(Provider<FlowDoctorConfig> config) {
        this.config = config;
    }

    @Override
    public boolean isValid(DiagnosisRequest request, ConstraintValidatorContext context) {
        if (request == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        for (var field : request.shortFields().entrySet()) {
            if (ControlCharacters.containsAny(field.getValue())) {
                valid = false;
                addViolation(context, field.getKey(), CONTROL);
            }
        }
        List<DiagnosisRequest.Action> actions = request.actions() == null ? List.of() : request.actions();
        for (int index = 0; index < actions.size(); index++) {
            valid &= actionIsSafe(actions.get(index), index, context);
        }
        if (request.product() != null && Coded.of(Product.class, request.product().strip()).isEmpty()) {
            valid = false;
            addViolation(context, "product", "must be one of " + Coded.allowed(Product.class));
        }
        if (request.timeZone() != null && !request.timeZone().isBlank() && !isTimeZone(request.timeZone().strip())) {
            valid = false;
            addViolation(context, "timeZone", "must be an IANA time zone id such as Europe/Amsterdam");
        }
        if (request.owner() != null && request.owner().email() != null
                && !ControlCharacters.containsAny(request.owner().email())) {
            String problem = EmailAddresses.problem(request.owner().email().strip(), allowedDomains()).orElse(null);
            if (problem != null) {
                valid = false;
                addViolation(context, "owner.email", problem);
            }
        }
        return valid;
    }

    private static boolean isTimeZone(String id) {
        try {
            // Region ids only ("Europe/Amsterdam", "UTC"); offsets such as +01:00 know no summer time.
            return !(ZoneId.of(id) instanceof ZoneOffset);
        } catch (DateTimeException notAZone) {
            return false;
        }
    }

    private static boolean actionIsSafe(DiagnosisRequest.Action action, int index, ConstraintValidatorContext context) {
        if (action == null) {
            return true;
        }
        boolean valid = true;
        for (var field : action.shortFields().entrySet()) {
            if (ControlCharacters.containsAny(field.getValue())) {
                valid = false;
                context.buildConstraintViolationWithTemplate(CONTROL)
                        .addPropertyNode("actions").addPropertyNode(field.getKey()).inIterable().atIndex(index)
                        .addConstraintViolation();
            }
        }
        return valid;
    }

    private Set<String> allowedDomains() {
        return config.get().email().allowedDomains().orElse(Set.of()).stream()
                .map(domain -> domain.strip().toLowerCase(Locale.ROOT)).filter(domain -> !domain.isEmpty())
                .collect(Collectors.toSet());
    }

    /** A violation at "a" or "a.b"; the message is a template, so its braces and dollars are escaped. */
    private static void addViolation(ConstraintValidatorContext context, String field, String message) {
        String[] path = field.split("\\.");
        var node = context.buildConstraintViolationWithTemplate(message.replace("$", "\\$").replace("{", "\\{"))
                .addPropertyNode(path[0]);
        (path.length > 1 ? node.addPropertyNode(path[1]) : node).addConstraintViolation();
    }
}
