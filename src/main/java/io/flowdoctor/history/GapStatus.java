package io.flowdoctor.history;

/**
 * Where a knowledge gap stands: OPEN until an analyst dismisses it or a rule base explains its examples
 * (COVERED). A covered gap whose failures still come unexplained opens again.
 */
public enum GapStatus {
    OPEN,
    DISMISSED,
    COVERED
}
