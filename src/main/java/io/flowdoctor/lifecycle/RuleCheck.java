package io.flowdoctor.lifecycle;

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
 */
public final class RuleCheck {

    private RuleCheck() {
    }

    public static void main(String[] args) {
        List<String> paths = new ArrayList<>();
        String split = null;
        boolean misses = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--evaluate" -> split = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "test";
                case "--misses" -> misses = true;
                default -> paths.add(args[i]);
            }
        }
        Path rules = Path.of(paths.size() > 0 ? paths.get(0) : "rules");
        Path knowledge = Path.of(paths.size() > 1 ? paths.get(1) : "knowledge-base");
        System.exit(check(rules, knowledge, split, misses));
    }

    private static int check(Path rules, Path knowledge, String split, boolean misses) {
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
        return 0;
    }
}
