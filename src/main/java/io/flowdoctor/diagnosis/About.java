package io.flowdoctor.diagnosis;

/**
 * Fact: what a signal's wording is about, when the message names subjects of more than one kind: "a list that does
 * not exist. It may have been deleted by another user" is about the list, a definition, not about the user. Only then
 * is it inserted; with one kind of subject the message has nothing to choose between.
 *
 * @param signal the signal whose wording it is: {@code About(signal == "not-found", subject == "definition-subject")}
 * @param subject the subject signal nearest to that wording
 */
public record About(String signal, String subject) {
}
