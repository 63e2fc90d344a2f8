package io.flowdoctor.diagnosis;

/**
 * Fact: an error code of the failing step, lower case: the reported error code and every code written
 * inside its message ("code":"InvalidTemplate", AADSTS50173, prvReadAccount, ...), one fact each.
 *
 * @param value as rules compare it: {@code Code(value == "invalidtemplate")}
 */
public record Code(String value) {
}
