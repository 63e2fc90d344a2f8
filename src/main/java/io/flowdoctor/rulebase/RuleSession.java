package io.flowdoctor.rulebase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaGroup;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The one class that runs Drools sessions. The facts go in and the classification rules fire; the
 * interlude then sees what they concluded and may add facts; then the advice phase (the rules of
 * agenda-group "advise") fires. Which rule concluded which fact is read from the session's
 * justifications, so rules never repeat their own id.
 */
final class RuleSession {

    private RuleSession() {
    }

    static Evaluation evaluate(KieBase kieBase, Function<Rule, RuleRef> refs, List<Object> facts,
            Function<Evaluation, List<Object>> interlude) {
        KieSession session = kieBase.newKieSession();
        try {
            Set<RuleRef> fired = new LinkedHashSet<>();
            List<RuleMatch> matches = new ArrayList<>();
            Map<Object, RuleRef> statedBy = new IdentityHashMap<>();
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        statedBy.put(event.getObject(), refs.apply(event.getRule()));
                    }
                }
            });
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    RuleRef rule = refs.apply(event.getMatch().getRule());
                    fired.add(rule);
                    matches.add(new RuleMatch(rule, List.copyOf(event.getMatch().getObjects())));
                }
            });

            facts.forEach(session::insert);
            session.fireAllRules();
            List<Object> added = interlude.apply(new Evaluation(concluded(session, refs, facts, statedBy), List.copyOf(fired),
                    matches));
            added.forEach(session::insert);
            // The advice rules declare their phase (agenda-group "advise"): they fire only now, once the
            // interlude has seen what classification concluded.
            AgendaGroup advice = session.getAgenda().getAgendaGroup(RuleOutlines.ADVICE_PHASE);
            if (advice != null) { // null when no rule declares the phase
                advice.setFocus();
            }
            session.fireAllRules();
            List<Object> given = new ArrayList<>(facts);
            given.addAll(added);
            return new Evaluation(concluded(session, refs, given, statedBy), List.copyOf(fired), matches);
        } finally {
            session.dispose();
        }
    }

    /**
     * The facts the rules concluded, one entry per rule: rules that insert equal facts logically share
     * one fact with a justification each, and which of them fired first must not decide whose conclusion
     * it is. A fact a rule inserted plainly has no justifications; its insert event named the rule.
     */
    private static List<Derived<Object>> concluded(KieSession session, Function<Rule, RuleRef> refs,
            List<Object> given, Map<Object, RuleRef> statedBy) {
        Set<Object> givenFacts = Collections.newSetFromMap(new IdentityHashMap<>());
        givenFacts.addAll(given);
        List<Derived<Object>> result = new ArrayList<>();
        for (FactHandle handle : session.getFactHandles()) {
            Object fact = session.getObject(handle);
            if (givenFacts.contains(fact)) {
                continue;
            }
            Set<Rule> rules = DroolsInternals.justifiers(handle);
            if (rules.isEmpty()) {
                result.add(new Derived<>(fact, statedBy.get(fact)));
            }
            rules.forEach(rule -> result.add(new Derived<>(fact, refs.apply(rule))));
        }
        return result;
    }
}
