package io.flowdoctor.diagnosis;

/** Fact inserted by an advice rule: who must act, and why (a reason id in knowledge-base/reasons.yaml). */
public record Escalation(EscalationLevel level, String reasonId) {
}
