package io.flowdoctor.diagnosis;

/**
 * What kind of failure a run had. Which category wins between findings of equal specificity is
 * knowledge-base/precedence.yaml.
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
