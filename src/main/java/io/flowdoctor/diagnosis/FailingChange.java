package io.flowdoctor.diagnosis;

/**
 * Fact: the failing step itself sends, creates or changes something (per knowledge-base/side-effects.yaml).
 * When it timed out, the service may have done the work before the answer was lost.
 *
 * @param action the step's name, as reported
 */
public record FailingChange(String action) {
}
