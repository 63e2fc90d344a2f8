package io.flowdoctor.diagnosis;

/**
 * Fact inserted by a classification rule: what the evidence says went wrong. What the rule saw is kept
 * by its rule id in knowledge-base/evidence/, in every language.
 */
public record Finding(Category category, Specificity specificity) {
}
