package io.flowdoctor.rulebase;

import java.io.Serializable;

/** A rule as the API, the audit and the tests name it: its stable id, its sentence name and its file. */
public record RuleRef(String ruleId, String rule, String file) implements Serializable {
}
