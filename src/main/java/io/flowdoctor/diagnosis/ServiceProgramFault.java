package io.flowdoctor.diagnosis;

/**
 * Fact derived by the escalation rules: the message is a program error (a null reference, a duplicate key) that a
 * service the maker did not write let through, so only that service's operator can fix it.
 */
public record ServiceProgramFault() {
}
