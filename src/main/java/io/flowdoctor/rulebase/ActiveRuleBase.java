package io.flowdoctor.rulebase;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The rule base that answers requests, and the one before it. A request reads it once and keeps that
 * version to the end, so a swap never changes an answer half-way.
 */
@ApplicationScoped
public class ActiveRuleBase {

    private record Versions(RuleBase current, RuleBase previous) {
    }

    private final AtomicReference<Versions> versions = new AtomicReference<>(new Versions(null, null));

    public RuleBase current() {
        RuleBase current = versions.get().current();
        if (current == null) {
            throw new NoActiveRuleBase();
        }
        return current;
    }

    public RuleBase previous() {
        return versions.get().previous();
    }

    public void activate(RuleBase ruleBase) {
        versions.updateAndGet(old -> new Versions(ruleBase, old.current()));
    }
}
