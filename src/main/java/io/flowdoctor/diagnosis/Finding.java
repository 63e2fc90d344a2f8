package io.flowdoctor.diagnosis;

/**
 * Fact inserted by a classification rule: what the evidence says went wrong.
 *
 * @param evidence a short, human-readable statement of what matched, e.g. "message contains 'no manager'"
 */
public record Finding(Category category, Specificity specificity, String evidence) {
}
