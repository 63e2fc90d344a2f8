package io.flowdoctor.diagnosis;

/**
 * Fact: a repair tip to show, by its id in knowledge-base/tips.
 *
 * @param priority lower comes first among the tips of equally specific findings
 */
public record Recommendation(String tipId, int priority) {
}
