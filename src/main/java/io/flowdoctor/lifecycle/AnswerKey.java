package io.flowdoctor.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;

import io.flowdoctor.diagnosis.Diagnosis;

/** What a replay compares of two answers to one failure. */
record AnswerKey(String category, String primaryRule, String resubmit, String escalation) {

    static AnswerKey of(Diagnosis diagnosis) {
        return new AnswerKey(diagnosis.category().name(),
                diagnosis.findings().isEmpty() ? null : diagnosis.findings().get(0).ruleId(),
                diagnosis.resubmit().advice().name(), diagnosis.escalation().level().name());
    }

    /** Of an answer as the audit stored it. */
    static AnswerKey of(JsonNode answer) {
        JsonNode findings = answer.path("findings");
        return new AnswerKey(text(answer.path("category")),
                findings.isArray() && findings.size() > 0 ? text(findings.get(0).path("ruleId")) : null,
                text(answer.path("resubmit").path("advice")), text(answer.path("escalation").path("level")));
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
