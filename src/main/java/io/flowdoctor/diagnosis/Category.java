package io.flowdoctor.diagnosis;

/**
 * What kind of failure a run had. The declaration order breaks ties between findings of equal
 * specificity: causes a maker cannot fix alone come before the symptoms they usually produce.
 */
public enum Category {
    LICENSING_OR_PERMISSION,
    AUTHENTICATION,
    CONNECTOR_LIMIT,
    THROTTLING,
    TIMEOUT,
    EXPRESSION,
    DATA,
    ACTION_CONFIGURATION,
    TRANSIENT,
    UNKNOWN
}
