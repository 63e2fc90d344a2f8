package io.flowdoctor.lifecycle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.scenario.CorpusEvaluation;
import io.flowdoctor.scenario.EvaluationReport;

/**
 * Checks rules/ and knowledge-base/ without a server: compiles the rules and runs every scenario,
 * printing each problem with its file and line or its scenario. Exit code 0 only when all is well.
 * Run from the project root with {@code ./check-rules} (optionally: rules directory, knowledge-base directory).
 * With {@code --evaluate [split]} it also measures the rule base on an evaluation split of
 * knowledge-base/evaluation/ (default: test); {@code --misses} lists every failure it put in the wrong category.
 * With {@code --replay FILE} it diagnoses the failures of an export (GET /api/v1/diagnoses/export, JSON lines)
 * with these rules and reports every answer that would differ from the one recorded.
 */
public final class RuleCheck {

    private RuleCheck() {
    }

    public static void main(String[] args) {
        List<String> paths = new ArrayList<>();
        String split = null;
        boolean misses = false;
        Path replay = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--evaluate" -> split = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "test";
                case "--misses" -> misses = true;
                case "--replay" -> {
                    if (i + 1 >= args.length) {
                        System.out.println("--replay needs the export file: --replay FILE");
                        System.exit(2);
                    }
                    replay = Path.of(args[++i]);
                }
                default -> paths.add(args[i]);
            }
        }
        Path rules = Path.of(paths.size() > 0 ? paths.get(0) : "rules");
        Path knowledge = Path.of(paths.size() > 1 ? paths.get(1) : "knowledge-base");
        System.exit(check(rules, knowledge, split, misses, replay));
    }

    private static int check(Path rules, Path knowledge, String split, boolean misses, Path replay) {
        RuleBase ruleBase;
        try {
            ruleBase = RuleBaseCheck.compileAndCheck(rules, knowledge, RuleCheck.class.getClassLoader());
            System.out.printf("OK: %d rules compiled, every scenario holds (rule set %s)%n",
                    ruleBase.allRules().size(), ruleBase.version());
        } catch (RuleBaseRejected e) {
            e.rejection().problems().forEach(problem -> System.out.println("ERROR " + problem));
            e.rejection().scenarioFailures().forEach(failure -> System.out.println("FAILED " + failure));
            System.out.printf("%d problem(s), %d failing scenario(s)%n",
                    e.rejection().problems().size(), e.rejection().scenarioFailures().size());
            return 1;
        }
        if (split != null) {
            EvaluationReport report = CorpusEvaluation.evaluate(ruleBase,
                    CorpusEvaluation.load(knowledge.resolve("evaluation").resolve(split + ".yaml")));
            System.out.println(report.print(misses));
        }
        if (replay != null) {
            try {
                System.out.print(ExportReplay.replay(ruleBase, replay).print());
            } catch (IOException e) {
                System.out.println("ERROR " + replay + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }
}
