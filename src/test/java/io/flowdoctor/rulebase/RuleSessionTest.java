package io.flowdoctor.rulebase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.diagnosis.FailedAction;
import io.flowdoctor.diagnosis.Recommendation;

/** Which rules concluded a fact, whatever order the rules were loaded and fired in; and that every evaluation stops. */
class RuleSessionTest {

    private static final FailedAction BAD_GATEWAY = new FailedAction("HTTP", "http", "", 502, "", "bad gateway", null);

    @TempDir
    Path workspace;

    @ParameterizedTest(name = "{0} loaded first")
    @CsvSource({ "a.drl, b.drl", "b.drl, a.drl" })
    void anEqualFactFromTwoRulesIsCreditedToBoth(String first, String second) throws IOException {
        Path rules = Files.createDirectories(workspace.resolve("rules"));
        Files.writeString(rules.resolve(first), rule("SHARED-001", "Bad gateway is worth a resubmit"));
        Files.writeString(rules.resolve(second), rule("SHARED-002", "Bad gateway is worth a resubmit as well"));
        RuleBase ruleBase = new RuleBaseCompiler(getClass().getClassLoader()).compile(rules, ProjectRuleBase.KNOWLEDGE);

        Evaluation evaluation = ruleBase.evaluate(List.of(BAD_GATEWAY));

        List<String> credited = evaluation.all(Recommendation.class).stream()
                .filter(r -> r.fact().equals(new Recommendation("transient.resubmit", 1)))
                .map(Derived::rule).map(RuleRef::ruleId).sorted().toList();
        assertEquals(List.of("SHARED-001", "SHARED-002"), credited);
    }

    @Test
    void aFactInsertedPlainlyIsCreditedToItsRule() throws IOException {
        Path rules = Files.createDirectories(workspace.resolve("rules"));
        String plain = rule("PLAIN-001", "Bad gateway, stated plainly").replace("insertLogical(", "insert(");
        Files.writeString(rules.resolve("plain.drl"), plain);
        RuleBase ruleBase = new RuleBaseCompiler(getClass().getClassLoader()).compile(rules, ProjectRuleBase.KNOWLEDGE);

        Evaluation evaluation = ruleBase.evaluate(List.of(BAD_GATEWAY));

        assertEquals(List.of("PLAIN-001"), evaluation.all(Recommendation.class).stream().map(r -> r.rule().ruleId()).toList());
    }

    @Test
    void aRuleThatKeepsInsertingIsStoppedAtTheFiringLimitAndNamed() throws IOException {
        RuleBase ruleBase = loopingRuleBase(new EvaluationBounds(500, Duration.ofSeconds(30)));

        RuleEvaluationOverrun e = assertThrows(RuleEvaluationOverrun.class, () -> ruleBase.evaluate(List.of(BAD_GATEWAY)));

        assertEquals(RuleEvaluationOverrun.Bound.FIRINGS, e.bound());
        assertTrue(e.firings() > 500 && e.firings() < 510, "firings: " + e.firings());
        assertEquals(List.of("LOOP-001"), e.looping().stream().map(RuleRef::ruleId).toList());
        assertTrue(e.getMessage().contains("'A recommendation breeds another recommendation' (LOOP-001, rules/loop.drl)"),
                e.getMessage());
    }

    @Test
    void aRuleThatKeepsInsertingIsHaltedAtTheTimeBudget() throws IOException {
        RuleBase ruleBase = loopingRuleBase(new EvaluationBounds(Integer.MAX_VALUE - 1, Duration.ofMillis(300)));
        long started = System.nanoTime();

        RuleEvaluationOverrun e = assertThrows(RuleEvaluationOverrun.class, () -> ruleBase.evaluate(List.of(BAD_GATEWAY)));

        assertEquals(RuleEvaluationOverrun.Bound.TIME, e.bound());
        assertEquals(List.of("LOOP-001"), e.looping().stream().map(RuleRef::ruleId).toList());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(3)) < 0);
    }

    @Test
    void timeTheEvaluatingThreadSpendsWaitingIsNotCountedAgainstTheBudget() throws Exception {
        // Sleeping stands for a thread that a busy machine or a collector's pause keeps from running.
        RuleBase ruleBase = ruleBaseWith("wait.drl", "A rule that waits without working", "WAIT-001",
                "FailedAction(statusCode == 502)", "Thread.sleep(600);",
                new EvaluationBounds(Integer.MAX_VALUE - 1, Duration.ofMillis(200)));

        assertEquals(List.of("WAIT-001"),
                ruleBase.evaluate(List.of(BAD_GATEWAY)).firedRules().stream().map(RuleRef::ruleId).toList());
    }

    @Test
    void workThatTheFirstEvaluationAloneDoesIsNotHeldAgainstTheTimeBudget() throws IOException {
        // Stands for the classes a cold JVM loads and compiles on the thread of a rule base's first evaluations.
        String done = "flowdoctor.test.cold-work." + UUID.randomUUID();
        RuleBase ruleBase = ruleBaseWith("cold.drl", "A rule whose first firing works long", "COLD-001",
                "FailedAction(statusCode == 502)",
                """
                        if (System.getProperty("%s") == null) {
                            System.setProperty("%s", "done");
                            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                            long until = threads.getCurrentThreadCpuTime() + 600000000L;
                            while (threads.getCurrentThreadCpuTime() < until) { }
                        }"""
                        .formatted(done, done),
                new EvaluationBounds(Integer.MAX_VALUE - 1, Duration.ofMillis(200)));

        assertEquals(List.of("COLD-001"),
                ruleBase.evaluate(List.of(BAD_GATEWAY)).firedRules().stream().map(RuleRef::ruleId).toList());
        assertEquals("done", System.getProperty(done), "the first evaluation did the long work");
    }

    @Test
    void otherEvaluationsGoOnWhileOneLoops() throws Exception {
        RuleBase ruleBase = loopingRuleBase(new EvaluationBounds(Integer.MAX_VALUE - 1, Duration.ofSeconds(1)));
        FailedAction notFound = new FailedAction("HTTP", "http", "", 404, "", "not found", null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Evaluation> looping = pool.submit(() -> ruleBase.evaluate(List.of(BAD_GATEWAY)));
            for (int i = 0; i < 20; i++) {
                Future<Evaluation> other = pool.submit(() -> ruleBase.evaluate(List.of(notFound)));
                assertEquals(List.of(), other.get(5, TimeUnit.SECONDS).firedRules());
            }
            ExecutionException e = assertThrows(ExecutionException.class, () -> looping.get(10, TimeUnit.SECONDS));
            assertInstanceOf(RuleEvaluationOverrun.class, e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEvaluationThatStopsIsUntouchedByTheBounds() throws IOException {
        Path rules = Files.createDirectories(workspace.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), rule("SHARED-001", "Bad gateway is worth a resubmit"));
        RuleBase ruleBase = new RuleBaseCompiler(getClass().getClassLoader(), new EvaluationBounds(1, Duration.ofSeconds(5)))
                .compile(rules, ProjectRuleBase.KNOWLEDGE);

        assertEquals(List.of("SHARED-001"),
                ruleBase.evaluate(List.of(BAD_GATEWAY)).firedRules().stream().map(RuleRef::ruleId).toList());
    }

    /** A rule that inserts a fact its own conditions match, once a 502 started it off. */
    private RuleBase loopingRuleBase(EvaluationBounds bounds) throws IOException {
        Files.createDirectories(workspace.resolve("rules"));
        Files.writeString(workspace.resolve("rules/start.drl"), rule("START-001", "Bad gateway starts it off")
                .replace("insertLogical(", "insert("));
        return ruleBaseWith("loop.drl", "A recommendation breeds another recommendation", "LOOP-001",
                "FailedAction(statusCode == 502)\n    Recommendation()",
                "insert(new Recommendation(\"transient.resubmit\", 1));", bounds);
    }

    /** The rule base of the workspace's rules, with one more rule of the given conditions and consequence. */
    private RuleBase ruleBaseWith(String file, String name, String id, String when, String then, EvaluationBounds bounds)
            throws IOException {
        Path rules = Files.createDirectories(workspace.resolve("rules"));
        Files.writeString(rules.resolve(file), """
                package io.flowdoctor.rules;
                import io.flowdoctor.diagnosis.*;

                rule "%s"
                    @id("%s")
                when
                    %s
                then
                    %s
                end
                """.formatted(name, id, when, then));
        return new RuleBaseCompiler(getClass().getClassLoader(), bounds).compile(rules, ProjectRuleBase.KNOWLEDGE);
    }

    private static String rule(String id, String name) {
        return """
                package io.flowdoctor.rules;
                import io.flowdoctor.diagnosis.*;

                rule "%s"
                    @id("%s")
                when
                    FailedAction(statusCode == 502)
                then
                    insertLogical(new Recommendation("transient.resubmit", 1));
                end
                """.formatted(name, id);
    }
}
