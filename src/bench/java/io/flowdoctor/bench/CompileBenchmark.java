package io.flowdoctor.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleBaseCompiler;

/** Compiling a rules directory into a rule base, as start-up and every reload do (without the scenarios). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompileBenchmark {

    @Param({ "0", "1000", "10000" })
    public int generatedRules;

    private Path rules;
    private Path knowledge;

    @Setup
    public void generate() {
        ProductionLogging.apply();
        rules = GeneratedRules.directory(generatedRules);
        knowledge = GeneratedRules.knowledge(generatedRules);
    }

    @Benchmark
    public RuleBase compile() {
        return new RuleBaseCompiler(getClass().getClassLoader()).compile(rules, knowledge);
    }
}
