package io.flowdoctor.diagnosis;

/**
 * Fact: the step that caused the failure, normalised once so that rules can compare cheaply.
 *
 * @param name the action's display name, as given
 * @param connector connector id, lower case, without the {@code shared_} prefix or API path
 * @param operation operation id, lower case; empty when unknown
 * @param statusCode HTTP status code; 0 when unknown
 * @param errorCode error code, lower case; empty when unknown
 * @param text error message, lower case with runs of white space collapsed to one space
 * @param retryAfterSeconds the wait the message or Retry-After hint asks for; null when none
 */
public record FailedAction(
        String name,
        String connector,
        String operation,
        int statusCode,
        String errorCode,
        String text,
        Integer retryAfterSeconds) {
}
