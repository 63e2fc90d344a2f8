package io.flowdoctor.lifecycle;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleBaseCompiler;
import io.flowdoctor.rulebase.RuleBaseException;
import io.flowdoctor.scenario.CorpusEvaluation;
import io.flowdoctor.scenario.EvaluationReport;
import io.flowdoctor.scenario.RequestFile;

/**
 * Checks rules/ and knowledge-base/ without a server: compiles the rules, runs every scenario and sample and
 * checks every convention the tests hold them to ({@link RuleSetCheck}), printing each problem with its file and
 * line or its scenario, all of them together. Exit code 0 only when all is well.
 * Run from the project root with {@code ./check-rules} (optionally: rules directory, knowledge-base directory).
 * With {@code --evaluate [split]} it also measures the rule base on an evaluation split of
 * knowledge-base/evaluation/ (default: test); {@code --misses} lists every failure it put in the wrong category.
 * With {@code --diagnose FILE} it prints the diagnosis of a request body ({@code --json}: as the API answers it).
 * With {@code --replay FILE} it diagnoses the failures of an export (GET /api/v1/diagnoses/export, JSON lines)
 * with these rules and reports every answer that would differ from the one recorded.
 */
public final class RuleCheck {

    private static final Path SAMPLES = Path.of("samples");

    private RuleCheck() {
    }

    public static void main(String[] args) {
        // Apache POI (under the decision-table compiler) logs through Log4j, which without a provider prints an ERROR
        // line about itself on every run; its own simple logger keeps to POI's errors.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.exit(run(args, System.out));
    }

    /** Runs the check the arguments ask for, writing to {@code out}; the exit code. */
    static int run(String[] args, PrintStream out) {
        List<String> paths = new ArrayList<>();
        String split = null;
        String diagnose = null;
        boolean misses = false;
        boolean json = false;
        Path replay = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--evaluate" -> split = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "test";
                case "--misses" -> misses = true;
                case "--diagnose" -> diagnose = i + 1 < args.length ? args[++i] : "";
                case "--json" -> json = true;
                case "--replay" -> {
                    if (i + 1 >= args.length) {
                        out.println("--replay needs the export file: --replay FILE");
                        return 2;
                    }
                    replay = Path.of(args[++i]);
                }
                default -> paths.add(args[i]);
            }
        }
        Path rules = Path.of(paths.size() > 0 ? paths.get(0) : "rules");
        Path knowledge = Path.of(paths.size() > 1 ? paths.get(1) : "knowledge-base");
        if (diagnose != null) {
            return diagnose(rules, knowledge, diagnose, json, out);
        }
        return check(rules, knowledge, split, misses, replay, out);
    }

    private static int check(Path rules, Path knowledge, String split, boolean misses, Path replay, PrintStream out) {
        RuleSetCheck.Report report = RuleSetCheck.run(rules, knowledge, SAMPLES, RuleCheck.class.getClassLoader());
        report.problems().forEach(problem -> out.println("ERROR " + problem));
        report.notes().forEach(note -> out.println("NOTE " + note));
        report.scenarioFailures().forEach(failure -> out.println("FAILED " + failure));
        report.sampleFailures().forEach(failure -> out.println("FAILED " + failure));
        if (!report.allWell()) {
            out.printf("%d problem(s), %d failing scenario(s), %d failing sample(s)%n", report.problems().size(),
                    report.scenarioFailures().size(), report.sampleFailures().size());
            return 1;
        }
        RuleBase ruleBase = report.ruleBase();
        out.printf("OK: %d rules compiled, every scenario and sample holds, every convention is kept (rule set %s)%n",
                ruleBase.allRules().size(), ruleBase.version());
        if (split != null) {
            EvaluationReport evaluation = CorpusEvaluation.evaluate(ruleBase,
                    CorpusEvaluation.load(knowledge.resolve("evaluation").resolve(split + ".yaml")));
            out.println(evaluation.print(misses));
        }
        if (replay != null) {
            try {
                out.print(ExportReplay.replay(ruleBase, replay).print());
            } catch (IOException e) {
                out.println("ERROR " + replay + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    private static int diagnose(Path rules, Path knowledge, String file, boolean json, PrintStream out) {
        RequestFile request;
        RuleBase ruleBase;
        try {
            request = RequestFile.read(Path.of(file));
            ruleBase = new RuleBaseCompiler(RuleCheck.class.getClassLoader()).compile(rules, knowledge);
        } catch (RequestFile.Unreadable e) {
            out.println("ERROR " + e.getMessage());
            return 2;
        } catch (RuleBaseException e) {
            e.problems().forEach(problem -> out.println("ERROR " + problem));
            out.printf("%d problem(s): the rules do not compile, so nothing was diagnosed%n", e.problems().size());
            return 1;
        }
        Diagnosis diagnosis = OfflineDiagnosis.of(ruleBase, request);
        out.print(json ? json(diagnosis) : OfflineDiagnosis.print(request, diagnosis));
        return 0;
    }

    private static String json(Diagnosis diagnosis) {
        ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        try {
            return mapper.writeValueAsString(diagnosis) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A diagnosis is plain records", e);
        }
    }
}
