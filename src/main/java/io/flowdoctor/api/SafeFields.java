package io.flowdoctor.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A diagnosis request carries nothing that could be abused on its way to a mail header or a log line: no
 * control characters in its short fields, and one valid owner address.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SafeFieldsValidator.class)
public @interface SafeFields {

    String message() default "holds characters that are not allowed";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
