package io.flowdoctor.diagnosis;

/**
 * What a diagnosis read, kept so that another rule base can diagnose the same failure again: the run (as
 * the audit may keep it: trimmed, without its owner), the flow's failure history at the time, and the
 * caller's language.
 */
public record ReplayInput(RunReport run, FailureHistory history, String locale) {
}
