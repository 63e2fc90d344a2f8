package io.flowdoctor.bench;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.flowdoctor.diagnosis.Diagnoser;
import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.diagnosis.FailureHistory;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.diagnosis.RunReport.ReportedAction;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleBaseCompiler;

/** One diagnosis of the README's failed run (no manager for Get manager) against a compiled rule base. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DiagnosisBenchmark {

    static final Instant FAILED_AT = Instant.parse("2026-11-27T10:15:00Z");
    static final RunReport REPORT = new RunReport("7f1c", "Leave request", null, "0858", FAILED_AT, null, List.of(
            new ReportedAction("Get manager (V2)", "Failed", "shared_office365users", "Manager_V2", 404, "ResourceNotFound",
                    "No manager found for the specified user."),
            new ReportedAction("Scope", "Failed", null, null, null, "ActionFailed",
                    "An action failed. No dependent actions succeeded.")));

    /** Generated connector rules on top of the shipped ones. */
    @Param({ "0", "1000", "10000" })
    public int generatedRules;

    private RuleBase ruleBase;
    private final FailureHistory history = FailureHistory.first(FAILED_AT);

    @Setup
    public void compile() {
        ProductionLogging.apply();
        ruleBase = new RuleBaseCompiler(getClass().getClassLoader())
                .compile(GeneratedRules.directory(generatedRules), GeneratedRules.knowledge(generatedRules));
    }

    @Benchmark
    public Diagnosis diagnose() {
        return Diagnoser.diagnose(ruleBase, REPORT, Language.EN, history, Diagnoser.Options.plain());
    }
}
