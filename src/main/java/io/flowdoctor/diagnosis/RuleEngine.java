package io.flowdoctor.diagnosis;

import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleRef;
import org.drools.core.common.InternalFactHandle;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
            List<Derived<Finding>> findings = FindingRanking.rank(derived(session, Finding.class, ruleBase));
            PrimaryFinding primary = FindingRanking.primary(findings);
            session.insert(primary);
            session.fireAllRules();

            return new Conclusions(
                    FindingRanking.rank(derived(session, Finding.class, ruleBase)),
                    primary,
                    derived(session, Recommendation.class, ruleBase),
                    derived(session, ResubmitAdvice.class, ruleBase),
                    derived(session, Escalation.class, ruleBase),
                    List.copyOf(fired),
                    matches);
        } finally {
            session.dispose();
        }
    }

    /**
     * The facts of a type with the rules that concluded them: one entry per rule, because rules that
     * insert equal facts logically share one fact with a justification each, and which of them fired
     * first must not decide whose conclusion it is.
     */
    private static <T> List<Derived<T>> derived(KieSession session, Class<T> type, RuleBase ruleBase) {
        List<Derived<T>> result = new ArrayList<>();
        for (FactHandle handle : session.getFactHandles(type::isInstance)) {
            InternalFactHandle fact = (InternalFactHandle) handle;
            Set<RuleRef> rules = justifiers(fact, ruleBase);
            if (rules.isEmpty()) {
                result.add(new Derived<>(type.cast(fact.getObject()), null));
            }
            rules.forEach(rule -> result.add(new Derived<>(type.cast(fact.getObject()), rule)));
        }
        return result;
    }

    private static Set<RuleRef> justifiers(InternalFactHandle fact, RuleBase ruleBase) {
        Set<RuleRef> rules = new LinkedHashSet<>();
        if (fact.getEqualityKey() instanceof TruthMaintenanceSystemEqualityKey key && key.getBeliefSet() != null) {
            for (SimpleMode mode = (SimpleMode) key.getBeliefSet().getFirst(); mode != null; mode = mode.getNext()) {
                rules.add(ruleBase.ref(mode.getObject().getJustifier().getRule()));
            }
        }
        return rules;
    }
}
