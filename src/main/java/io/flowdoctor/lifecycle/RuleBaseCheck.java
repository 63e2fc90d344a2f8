package io.flowdoctor.lifecycle;

import io.flowdoctor.lifecycle.RuleBaseRejected.Rejection;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleBaseCompiler;
import io.flowdoctor.rulebase.RuleBaseException;
import io.flowdoctor.rulebase.RuleProblem;
import io.flowdoctor.scenario.ScenarioFailure;
import io.flowdoctor.scenario.ScenarioLoader;
import io.flowdoctor.scenario.ScenarioRunner;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The gate every rule base passes before it serves: it must compile against the knowledge base, and
 * every scenario of knowledge-base/scenarios must hold.
 */
public final class RuleBaseCheck {

    private RuleBaseCheck() {
    }

    public static RuleBase compileAndCheck(Path rulesDirectory, Path knowledgeDirectory, ClassLoader classLoader) {
        RuleBase ruleBase;
        try {
            ruleBase = new RuleBaseCompiler(classLoader).compile(rulesDirectory, knowledgeDirectory);
        } catch (RuleBaseException e) {
            throw new RuleBaseRejected(new Rejection(Instant.now(), null, e.problems(), List.of()));
        }
        List<ScenarioFailure> failures;
        try {
            failures = ScenarioRunner.failures(ruleBase, ScenarioLoader.load(knowledgeDirectory.resolve("scenarios")));
        } catch (UncheckedIOException e) {
            throw new RuleBaseRejected(new Rejection(Instant.now(), ruleBase.version(),
                    List.of(new RuleProblem("knowledge-base/scenarios", 0, e.getCause().getMessage())),
                    List.of()));
        }
        if (!failures.isEmpty()) {
            throw new RuleBaseRejected(new Rejection(Instant.now(), ruleBase.version(), List.of(), failures));
        }
        return ruleBase;
    }
}
