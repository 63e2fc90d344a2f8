package io.flowdoctor.diagnosis;

import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleRef;
import org.drools.core.common.InternalFactHandle;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one class that runs Drools sessions. Two passes over one session: classification rules turn the
 * facts into findings; Java ranks them; advice rules then reason on the primary finding. Which rule
 * concluded which fact is read from the session's justifications, so rules never repeat their own id.
 */
final class RuleEngine {

    private RuleEngine() {
    }

    static Conclusions evaluate(RuleBase ruleBase, List<Object> facts) {
        KieSession session = ruleBase.kieBase().newKieSession();
        try {
            Set<RuleRef> fired = new LinkedHashSet<>();
            List<RuleMatch> matches = new ArrayList<>();
            Map<Object, RuleRef> statedBy = new IdentityHashMap<>();
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        statedBy.put(event.getObject(), ruleBase.ref(event.getRule()));
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
            List<Derived<Finding>> findings = FindingRanking.rank(derived(session, Finding.class, ruleBase, statedBy));
            PrimaryFinding primary = FindingRanking.primary(findings);
            session.insert(primary);
            session.fireAllRules();

            return new Conclusions(
                    FindingRanking.rank(derived(session, Finding.class, ruleBase, statedBy)),
                    primary,
                    derived(session, Recommendation.class, ruleBase, statedBy),
                    derived(session, ResubmitAdvice.class, ruleBase, statedBy),
                    derived(session, Escalation.class, ruleBase, statedBy),
                    List.copyOf(fired),
                    matches);
        } finally {
            session.dispose();
        }
    }

    /**
     * The facts of a type with the rules that concluded them: one entry per rule, because rules that
     * insert equal facts logically share one fact with a justification each, and which of them fired
     * first must not decide whose conclusion it is. A fact a rule inserted plainly has no
     * justifications; the insert event named its rule.
     */
    private static <T> List<Derived<T>> derived(KieSession session, Class<T> type, RuleBase ruleBase,
                                                Map<Object, RuleRef> statedBy) {
        List<Derived<T>> result = new ArrayList<>();
        for (FactHandle handle : session.getFactHandles(type::isInstance)) {
            InternalFactHandle fact = (InternalFactHandle) handle;
            T object = type.cast(fact.getObject());
            Set<RuleRef> rules = justifiers(fact, ruleBase);
            if (rules.isEmpty()) {
                result.add(new Derived<>(object, statedBy.get(object)));
            }
            rules.forEach(rule -> result.add(new Derived<>(object, rule)));
        }
        return result;
    }

    private static Set<RuleRef> justifiers(InternalFactHandle fact, RuleBase ruleBase) {
        Set<RuleRef> rules = new LinkedHashSet<>();
        if (fact.getEqualityKey() instanceof TruthMaintenanceSystemEqualityKey key && key.getBeliefSet() != null) {
            for (Object mode = key.getBeliefSet().getFirst(); mode instanceof SimpleMode simple; mode = simple.getNext()) {
                rules.add(ruleBase.ref(simple.getObject().getJustifier().getRule()));
            }
        }
        return rules;
    }
}
