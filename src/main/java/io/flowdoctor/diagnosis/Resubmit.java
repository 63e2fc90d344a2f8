package io.flowdoctor.diagnosis;

/**
 * Whether to resubmit the failed run. Declared from the least to the most cautious: when rules
 * disagree, the most cautious advice wins.
 */
public enum Resubmit {
    NOW,
    AUTOMATIC,
    AFTER_FIX,
    NOT_ADVISED
}
