package io.flowdoctor.lifecycle;

import io.flowdoctor.rulebase.RuleBase;

import java.nio.file.Path;

/**
 * Checks rules/ and knowledge-base/ without a server: compiles the rules and runs every scenario,
 * printing each problem with its file and line or its scenario. Exit code 0 only when all is well.
 * Run from the project root with {@code ./check-rules} (optionally: rules directory, knowledge-base directory).
 */
public final class RuleCheck {

    private RuleCheck() {
    }

    public static void main(String[] args) {
        Path rules = Path.of(args.length > 0 ? args[0] : "rules");
        Path knowledge = Path.of(args.length > 1 ? args[1] : "knowledge-base");
        int status;
        try {
            RuleBase ruleBase = RuleBaseCheck.compileAndCheck(rules, knowledge, RuleCheck.class.getClassLoader());
            System.out.printf("OK: %d rules compiled, every scenario holds (rule set %s)%n",
                    ruleBase.allRules().size(), ruleBase.version());
            status = 0;
        } catch (RuleBaseRejected e) {
            e.rejection().problems().forEach(problem -> System.out.println("ERROR " + problem));
            e.rejection().scenarioFailures().forEach(failure -> System.out.println("FAILED " + failure));
            System.out.printf("%d problem(s), %d failing scenario(s)%n",
                    e.rejection().problems().size(), e.rejection().scenarioFailures().size());
            status = 1;
        }
        System.exit(status);
    }
}
