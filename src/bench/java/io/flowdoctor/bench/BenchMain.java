package io.flowdoctor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleBaseCompiler;

/**
 * Runs every in-process benchmark in one go and prints the figures with their ratios to the shipped
 * rule base: diagnosis cost, compile time, and the heap a compiled rule base retains.
 */
public final class BenchMain {

    private static final int[] SIZES = { 0, 1000, 10000 };

    private BenchMain() {
    }

    /** @param args {@code lexicon} (Maven: {@code -Dbench.only=lexicon}) runs only the lexicon's benchmark */
    public static void main(String[] args) throws RunnerException {
        ProductionLogging.apply();
        if (args.length > 0 && args[0].equals("lexicon")) {
            printLexicon(lexicon());
            return;
        }
        for (int size : SIZES) {
            GeneratedRules.directory(size);
        }
        Map<Integer, Footprint> heap = footprints();

        Options diagnosis = new OptionsBuilder()
                .include(DiagnosisBenchmark.class.getName())
                .forks(1).warmupIterations(10).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .build();
        Map<Integer, Double> diagnose = scores(new Runner(diagnosis).run());

        Collection<RunResult> lexicon = lexicon();

        Options compile = new OptionsBuilder()
                .include(CompileBenchmark.class.getName())
                .forks(1).warmupIterations(1).measurementIterations(2)
                .build();
        Map<Integer, Double> compileMs = scores(new Runner(compile).run());

        System.out.println();
        System.out.println(
                "| Rule base | Rules | Diagnosis (µs/op) | Ratio | Compile (ms) | Ratio | Retained heap (MB) | Ratio |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (int size : SIZES) {
            System.out.printf("| %s | %d | %.1f | %.2f | %.0f | %.2f | %.1f | %.2f |%n",
                    size == 0 ? "shipped" : "shipped + " + size + " generated", heap.get(size).rules(),
                    diagnose.get(size), diagnose.get(size) / diagnose.get(0),
                    compileMs.get(size), compileMs.get(size) / compileMs.get(0),
                    heap.get(size).bytes() / 1e6, (double) heap.get(size).bytes() / heap.get(0).bytes());
        }
        printLexicon(lexicon);
    }

    private static Collection<RunResult> lexicon() throws RunnerException {
        return new Runner(new OptionsBuilder()
                .include(SignalsBenchmark.class.getName())
                .forks(1).warmupIterations(5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .build()).run();
    }

    /** Signals alone against signals with their subjects, for each message: the cost of reading the subjects. */
    private static void printLexicon(Collection<RunResult> results) {
        Map<String, Map<String, Double>> byMessage = new LinkedHashMap<>();
        for (RunResult result : results) {
            byMessage.computeIfAbsent(result.getParams().getParam("message"), m -> new LinkedHashMap<>())
                    .put(result.getParams().getBenchmark().replaceAll(".*\\.", ""), result.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("| Message | Signals (µs/op) | Signals and subjects (µs/op) | Ratio |");
        System.out.println("|---|---:|---:|---:|");
        byMessage.forEach((message, scores) -> System.out.printf("| %s | %.2f | %.2f | %.2f |%n", message,
                scores.get("signals"), scores.get("signalsAndSubjects"),
                scores.get("signalsAndSubjects") / scores.get("signals")));
    }

    private static Map<Integer, Double> scores(Collection<RunResult> results) {
        Map<Integer, Double> scores = new LinkedHashMap<>();
        for (RunResult result : results) {
            int size = Integer.parseInt(result.getParams().getParam("generatedRules"));
            scores.put(size, result.getPrimaryResult().getScore());
        }
        return scores;
    }

    /** How many rules a rule base holds and the heap it retains. */
    private record Footprint(int rules, long bytes) {
    }

    /** Heap in use after a full collection with the rule base held, less the heap in use without it. */
    private static Map<Integer, Footprint> footprints() {
        compile(0); // Drools' one-time caches are not part of any rule base
        Map<Integer, Footprint> footprints = new LinkedHashMap<>();
        List<RuleBase> held = new ArrayList<>();
        for (int size : SIZES) {
            long before = usedAfterGc();
            held.add(compile(size));
            long after = usedAfterGc();
            footprints.put(size, new Footprint(held.get(held.size() - 1).allRules().size(), after - before));
            held.clear();
        }
        return footprints;
    }

    private static RuleBase compile(int size) {
        return new RuleBaseCompiler(BenchMain.class.getClassLoader())
                .compile(GeneratedRules.directory(size), GeneratedRules.knowledge(size));
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
