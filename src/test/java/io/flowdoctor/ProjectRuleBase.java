package io.flowdoctor;

import java.nio.file.Path;

import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleBaseCompiler;

/** The project's own rules/ and knowledge-base/, compiled once for all plain unit tests. */
public final class ProjectRuleBase {

    public static final Path RULES = Path.of("rules");
    public static final Path KNOWLEDGE = Path.of("knowledge-base");

    private static RuleBase ruleBase;

    private ProjectRuleBase() {
    }

    public static synchronized RuleBase get() {
        if (ruleBase == null) {
            ruleBase = new RuleBaseCompiler(ProjectRuleBase.class.getClassLoader()).compile(RULES, KNOWLEDGE);
        }
        return ruleBase;
    }
}
