package io.flowdoctor.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads query parameters the resources take as text, so that a value in the wrong form is a 400 problem naming
 * the parameter and the form it must take, where JAX-RS' own conversion answers a bare 404.
 */
final class QueryParameters {

    static final String INSTANT = "an ISO-8601 instant such as 2026-11-27T10:15:00Z";

    private QueryParameters() {
    }

    static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(parameter, value, INSTANT);
        }
    }

    /** A whole number within bounds; the default when absent. */
    static int integer(String parameter, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        String accepted = max == Integer.MAX_VALUE ? "a whole number of at least " + min
                : "a whole number from " + min + " to " + max;
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new InvalidParameter(parameter, value, accepted);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidParameter(parameter, value, accepted);
        }
    }

    /** A value of the enum by its name, in any case; null when absent. */
    static <E extends Enum<E>> E oneOf(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(parameter, value, allowed(type));
        }
    }

    static String allowed(Class<?> enumType) {
        return "one of " + Arrays.stream(enumType.getEnumConstants()).map(value -> ((Enum<?>) value).name())
                .collect(Collectors.joining(", "));
    }
}
