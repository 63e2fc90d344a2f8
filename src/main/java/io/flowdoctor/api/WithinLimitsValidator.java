package io.flowdoctor.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import io.flowdoctor.FlowDoctorConfig;

/**
 * Checks a diagnosis request against flowdoctor.limits.*; each violation names its field and the
 * setting that limits it, so the caller sees which limit was hit.
 */
@ApplicationScoped
public class WithinLimitsValidator implements ConstraintValidator<WithinLimits, DiagnosisRequest> {

    /** Read per request: the validator is made while the application starts, before its configuration is. */
    private final Provider<FlowDoctorConfig> config;

    public WithinLimitsValidator(Provider<FlowDoctorConfig> config) {
        this.config = config;
    }

    @Override
    public boolean isValid(DiagnosisRequest request, ConstraintValidatorContext context) {
        if (request == null) {
            return true;
        }
        FlowDoctorConfig.Limits limits = config.get().limits();
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        for (var field : request.shortFields().entrySet()) {
            if (tooLong(field.getValue(), limits.maxFieldLength())) {
                valid = false;
                String[] path = field.getKey().split("\\.");
                var node = violation(context, limits.maxFieldLength(), "max-field-length").addPropertyNode(path[0]);
                (path.length > 1 ? node.addPropertyNode(path[1]) : node).addConstraintViolation();
            }
        }
        List<DiagnosisRequest.Action> actions = request.actions() == null ? List.of() : request.actions();
        if (actions.size() > limits.maxActions()) {
            context.buildConstraintViolationWithTemplate("must hold at most " + limits.maxActions()
                    + " actions (flowdoctor.limits.max-actions)").addPropertyNode("actions").addConstraintViolation();
            return false;
        }
        for (int index = 0; index < actions.size(); index++) {
            DiagnosisRequest.Action action = actions.get(index);
            if (action != null) {
                valid &= actionWithin(action, index, limits, context);
            }
        }
        return valid;
    }

    private static boolean actionWithin(DiagnosisRequest.Action action, int index, FlowDoctorConfig.Limits limits,
            ConstraintValidatorContext context) {
        boolean valid = true;
        for (var field : action.shortFields().entrySet()) {
            if (tooLong(field.getValue(), limits.maxFieldLength())) {
                valid = false;
                violation(context, limits.maxFieldLength(), "max-field-length")
                        .addPropertyNode("actions").addPropertyNode(field.getKey()).inIterable().atIndex(index)
                        .addConstraintViolation();
            }
        }
        if (tooLong(action.message(), limits.maxMessageLength())) {
            valid = false;
            violation(context, limits.maxMessageLength(), "max-message-length")
                    .addPropertyNode("actions").addPropertyNode("message").inIterable().atIndex(index)
                    .addConstraintViolation();
        }
        return valid;
    }

    private static ConstraintValidatorContext.ConstraintViolationBuilder violation(ConstraintValidatorContext context,
            int limit,
            String setting) {
        return context.buildConstraintViolationWithTemplate(
                "is longer than " + limit + " characters (flowdoctor.limits." + setting + ")");
    }

    private static boolean tooLong(String value, int limit) {
        return value != null && value.length() > limit;
    }
}
