package io.flowdoctor.diagnosis;

/**
 * Fact: a step of the same run that succeeded and changed something outside the flow (an e-mail sent, an
 * item created), per knowledge-base/side-effects.yaml. Resubmitting the whole run would do it again.
 *
 * @param action the step's name, as reported
 */
public record CompletedChange(String action) {
}
