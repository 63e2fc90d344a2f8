package io.flowdoctor.rulebase;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
 * ruleflow-group "advise") fires. Which rule concluded which fact is read from the session's
 * justifications, so rules never repeat their own id. Every evaluation is bounded (see
 * {@link EvaluationBounds}): a rule that never stops firing ends in a {@link RuleEvaluationOverrun}, and its
 * session is disposed all the same.
 */
final class RuleSession {

    private RuleSession() {
    }

    /**
     * Halts sessions that overrun their time budget. One daemon thread for all sessions: it only calls
     * halt(), which returns at once.
     */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "rule-session-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /** At most this many rules are named as looping: the loop is among those that fired most. */
    private static final int LOOPING_NAMED = 5;

    static Evaluation evaluate(KieBase kieBase, Function<Rule, RuleRef> refs, List<Object> facts,
            Function<Evaluation, List<Object>> interlude, EvaluationBounds bounds) {
        KieSession session = kieBase.newKieSession();
        Watch watch = new Watch(session, bounds);
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
                    watch.firingsByRule.merge(rule, 1, Integer::sum);
                    matches.add(new RuleMatch(rule, List.copyOf(event.getMatch().getObjects())));
                }
            });

            facts.forEach(session::insert);
            watch.fire();
            List<Object> added = interlude.apply(new Evaluation(concluded(session, refs, facts, statedBy), List.copyOf(fired),
                    matches));
            added.forEach(session::insert);
            // The advice rules declare their phase (ruleflow-group "advise"): they fire only now, once the
            // interlude has seen what classification concluded.
            AgendaGroup advice = session.getAgenda().getAgendaGroup(RuleOutlines.ADVICE_PHASE);
            if (advice != null) { // null when no rule declares the phase
                advice.setFocus();
            }
            watch.fire();
            List<Object> given = new ArrayList<>(facts);
            given.addAll(added);
            return new Evaluation(concluded(session, refs, given, statedBy), List.copyOf(fired), matches);
        } finally {
            watch.stop();
            session.dispose();
        }
    }

    /**
     * The bounds of one session: a firing limit on every fireAllRules, and a watchdog that halts the
     * session when its time budget is spent. The budget counts the CPU time of the thread that evaluates,
     * not the wall clock: on a busy machine, or during a collector's pause, a thread waits without working,
     * and a diagnosis must not fail for that. Either way the evaluation ends with an overrun that names the
     * rules that fired most.
     */
    private static final class Watch {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private static final boolean CPU_TIMED = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
        /** The watchdog looks again no sooner than this after finding budget left. */
        private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

        private final KieSession session;
        private final EvaluationBounds bounds;
        private final long started = System.nanoTime();
        private final long thread = Thread.currentThread().getId();
        private final long cpuAtStart = CPU_TIMED ? THREADS.getCurrentThreadCpuTime() : 0;
        private final Map<RuleRef, Integer> firingsByRule = new HashMap<>();
        private ScheduledFuture<?> alarm;
        private boolean overtime;
        private boolean stopped;
        private int firings;

        Watch(KieSession session, EvaluationBounds bounds) {
            this.session = session;
            this.bounds = bounds;
            // CPU time never runs ahead of the wall clock: the budget cannot be spent before this.
            this.alarm = WATCHDOG.schedule(this::check, bounds.timeBudget().toNanos(), TimeUnit.NANOSECONDS);
        }

        /** Fires what is on the agenda, within what is left of the bounds. */
        void fire() {
            checkTime();
            // One firing more than is left tells a session that would stop at the limit from one that goes on.
            firings += session.fireAllRules(bounds.maxFirings() - firings + 1);
            if (firings > bounds.maxFirings()) {
                throw overrun(RuleEvaluationOverrun.Bound.FIRINGS);
            }
            checkTime();
        }

        private void checkTime() {
            synchronized (this) {
                if (!overtime) {
                    return;
                }
            }
            throw overrun(RuleEvaluationOverrun.Bound.TIME);
        }

        /** Halts the session once its budget is spent; until then looks again when it could be. */
        private synchronized void check() {
            if (stopped) { // never halt a session that is being disposed
                return;
            }
            long left = bounds.timeBudget().toNanos() - spent();
            if (left > 0) {
                alarm = WATCHDOG.schedule(this::check, Math.max(left, RECHECK_NANOS), TimeUnit.NANOSECONDS);
                return;
            }
            overtime = true;
            session.halt();
        }

        /** The evaluating thread's CPU time so far; the wall clock where the JVM does not measure it. */
        private long spent() {
            long cpu = CPU_TIMED ? THREADS.getThreadCpuTime(thread) : -1;
            return cpu < 0 ? System.nanoTime() - started : cpu - cpuAtStart;
        }

        synchronized void stop() {
            stopped = true;
            alarm.cancel(false);
        }

        private RuleEvaluationOverrun overrun(RuleEvaluationOverrun.Bound bound) {
            int most = firingsByRule.values().stream().max(Integer::compare).orElse(0);
            List<RuleRef> looping = firingsByRule.entrySet().stream()
                    // A loop fires its rules over and over; rules that fired once or twice on the way are not it.
                    .filter(entry -> entry.getValue() > 2 && entry.getValue() * 10L >= most)
                    .sorted(Map.Entry.<RuleRef, Integer> comparingByValue().reversed())
                    .limit(LOOPING_NAMED)
                    .map(Map.Entry::getKey)
                    .toList();
            return new RuleEvaluationOverrun(bound, firings, Duration.ofNanos(System.nanoTime() - started), bounds, looping);
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
