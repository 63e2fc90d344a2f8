package io.flowdoctor.diagnosis;

/** Fact inserted after classification: the finding that ranked first. Advice rules reason on it. */
public record PrimaryFinding(Category category, Specificity specificity) {
}
