package io.flowdoctor.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A diagnosis request stays within the configured limits (flowdoctor.limits.*): actions, text lengths. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WithinLimitsValidator.class)
public @interface WithinLimits {

    String message() default "exceeds a configured limit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
