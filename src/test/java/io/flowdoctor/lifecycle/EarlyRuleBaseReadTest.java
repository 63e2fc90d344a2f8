package io.flowdoctor.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.rulebase.CompiledRuleBases;
import io.flowdoctor.rulebase.EvaluationBounds;
import io.flowdoctor.rulebase.RuleBase;

/** The read begun before the configuration is bound serves only the source the configuration names, once. */
class EarlyRuleBaseReadTest {

    @TempDir
    Path data;

    private EarlyRuleBaseRead.Source kept() {
        Path compiled = data.resolve("compiled-rules");
        new CompiledRuleBases(compiled, getClass().getClassLoader(), EvaluationBounds.DEFAULT).store(ProjectRuleBase.get());
        return new EarlyRuleBaseRead.Source(compiled, ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE,
                EvaluationBounds.DEFAULT);
    }

    @Test
    void theSourceTheConfigurationNamesGetsTheKeptRuleBaseOnce() {
        EarlyRuleBaseRead early = new EarlyRuleBaseRead();
        EarlyRuleBaseRead.Source source = kept();
        early.begin(source);

        RuleBase read = early.take(new EarlyRuleBaseRead.Source(source.compiled(), Path.of("rules"),
                Path.of("knowledge-base"), EvaluationBounds.DEFAULT)).orElseThrow().ruleBase().orElseThrow();

        assertEquals(RuleBase.Origin.CACHE, read.origin());
        assertEquals(ProjectRuleBase.get().version(), read.version());
        assertTrue(early.take(source).isEmpty(), "taken once: a later start of the manager reads for itself");
    }

    @Test
    void anotherSourceOrOtherBoundsAreReadAgainByTheManager() {
        EarlyRuleBaseRead early = new EarlyRuleBaseRead();
        EarlyRuleBaseRead.Source source = kept();
        early.begin(source);
        assertTrue(early.take(new EarlyRuleBaseRead.Source(source.compiled(), source.rules(), source.knowledge(),
                new EvaluationBounds(500, Duration.ofSeconds(2)))).isEmpty(), "other bounds");

        early.begin(source);
        assertTrue(early.take(new EarlyRuleBaseRead.Source(data.resolve("elsewhere"), source.rules(), source.knowledge(),
                source.bounds())).isEmpty(), "another data directory");

        assertTrue(new EarlyRuleBaseRead().take(source).isEmpty(), "nothing was begun");
    }

    @Test
    void aSourceWithoutAKeptFormIsCompiledAndChecked() {
        EarlyRuleBaseRead early = new EarlyRuleBaseRead();
        EarlyRuleBaseRead.Source nothingKept = new EarlyRuleBaseRead.Source(data.resolve("none"), ProjectRuleBase.RULES,
                ProjectRuleBase.KNOWLEDGE, EvaluationBounds.DEFAULT);
        early.begin(nothingKept);
        assertTrue(early.take(nothingKept).orElseThrow().ruleBase().isEmpty(), "no kept form: compile and check");
    }
}
