package io.flowdoctor.diagnosis;

/**
 * Whether to resubmit the failed run. When rules disagree, knowledge-base/precedence.yaml says which
 * advice wins (the most cautious).
 */
public enum Resubmit {
    NOW,
    AUTOMATIC,
    AFTER_FIX,
    NOT_ADVISED
}
