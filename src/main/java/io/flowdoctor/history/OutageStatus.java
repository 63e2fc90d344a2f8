package io.flowdoctor.history;

/** OPEN while a linked flow has not recovered; RESOLVED once every one has. */
public enum OutageStatus {
    OPEN,
    RESOLVED
}
