package io.flowdoctor.rulebase;

/** Asked for the rule base before the first one was activated. */
public class NoActiveRuleBase extends RuntimeException {

    public NoActiveRuleBase() {
        super("No rule base is active yet");
    }
}
