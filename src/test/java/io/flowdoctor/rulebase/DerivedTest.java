package io.flowdoctor.rulebase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Ties between equal advice go to the lowest rule id, whatever order the facts come in. */
class DerivedTest {

    private static final RuleRef FIRST = new RuleRef("ESCALATION-001", "First", "rules/advice/escalation.drl");
    private static final RuleRef SECOND = new RuleRef("ESCALATION-002", "Second", "rules/advice/escalation.drl");

    @Test
    void theLowestRuleIdWinsATieInEitherOrder() {
        assertEquals(FIRST, List.of(SECOND, FIRST).stream().max(Derived.PREFER_LOWEST_RULE_ID).orElseThrow());
        assertEquals(FIRST, List.of(FIRST, SECOND).stream().max(Derived.PREFER_LOWEST_RULE_ID).orElseThrow());
    }
}
