package io.flowdoctor.diagnosis;

/** How narrow the evidence behind a finding is; the most specific finding explains the failure. */
public enum Specificity {
    NONE,
    STATUS_CODE,
    MESSAGE_TEXT,
    ERROR_CODE,
    CONNECTOR
}
