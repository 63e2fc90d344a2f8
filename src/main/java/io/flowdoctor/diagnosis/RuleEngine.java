package io.flowdoctor.diagnosis;

import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleRef;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one class that runs Drools sessions. Two passes over one session: classification rules turn the
 * facts into findings; Java ranks them; advice rules then reason on the primary finding. Which rule
 * inserted which fact is recorded from the session's events, so rules never repeat their own id.
 */
final class RuleEngine {

    private RuleEngine() {
    }

    static Conclusions evaluate(RuleBase ruleBase, List<Object> facts) {
        KieSession session = ruleBase.kieBase().newKieSession();
        try {
            Map<Object, RuleRef> insertedBy = new IdentityHashMap<>();
            Set<RuleRef> fired = new LinkedHashSet<>();
            List<RuleMatch> matches = new ArrayList<>();
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        insertedBy.put(event.getObject(), ruleBase.ref(event.getRule()));
                    }
                }
            });
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    RuleRef rule = ruleBase.ref(event.getMatch().getRule());
                    fired.add(rule);
                    matches.add(new RuleMatch(rule, List.copyOf(event.getMatch().getObjects())));
                }
            });

            facts.forEach(session::insert);
            session.fireAllRules();
            List<Derived<Finding>> findings = FindingRanking.rank(derived(session, Finding.class, insertedBy));
            PrimaryFinding primary = FindingRanking.primary(findings);
            session.insert(primary);
            session.fireAllRules();

            return new Conclusions(
                    FindingRanking.rank(derived(session, Finding.class, insertedBy)),
                    primary,
                    derived(session, Recommendation.class, insertedBy),
                    derived(session, ResubmitAdvice.class, insertedBy),
                    derived(session, Escalation.class, insertedBy),
                    List.copyOf(fired),
                    matches);
        } finally {
            session.dispose();
        }
    }

    private static <T> List<Derived<T>> derived(KieSession session, Class<T> type, Map<Object, RuleRef> insertedBy) {
        List<Derived<T>> result = new ArrayList<>();
        for (Object fact : session.getObjects(type::isInstance)) {
            result.add(new Derived<>(type.cast(fact), insertedBy.get(fact)));
        }
        return result;
    }
}
