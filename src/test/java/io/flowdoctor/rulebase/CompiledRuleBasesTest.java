package io.flowdoctor.rulebase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.TestFiles;
import io.flowdoctor.scenario.ScenarioLoader;
import io.flowdoctor.scenario.ScenarioRunner;

/** The compiled form of a gated rule base: read back it answers as compiled; anything amiss means compile again. */
class CompiledRuleBasesTest {

    private static final ClassLoader LOADER = CompiledRuleBasesTest.class.getClassLoader();

    @TempDir
    Path data;

    @Test
    void aKeptVersionIsReadBackAndHoldsEveryScenario() {
        RuleBase compiled = ProjectRuleBase.get();
        CompiledRuleBases cache = new CompiledRuleBases(data.resolve("compiled-rules"), LOADER, EvaluationBounds.DEFAULT);
        assertTrue(cache.load(ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE).isEmpty(), "nothing kept yet");

        cache.store(compiled);
        RuleBase read = cache.load(ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE).orElseThrow();

        assertEquals(RuleBase.Origin.CACHE, read.origin());
        assertEquals(RuleBase.Origin.COMPILED, compiled.origin());
        assertEquals(compiled.version(), read.version());
        assertEquals(compiled.allRules().size(), read.allRules().size());
        assertEquals(compiled.outlines(), read.outlines());
        assertEquals(java.util.List.of(),
                ScenarioRunner.failures(read, ScenarioLoader.load(ProjectRuleBase.KNOWLEDGE.resolve("scenarios"))));
    }

    @Test
    void aFormThatOthersMayWriteIsRefusedAndNoPartialFileIsLeft() throws IOException {
        RuleBase compiled = ProjectRuleBase.get();
        CompiledRuleBases cache = storedIn(compiled);
        Path file = cache.file(compiled.version());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "only the kept form, no partial file");
        }
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        assertTrue(cache.load(ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE).isEmpty(), "what it holds is loaded as code");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertTrue(cache.load(ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE).isPresent());
    }

    @Test
    void theVersionReadLastIsKeptWhenNewerVersionsAreWritten() throws IOException {
        RuleBase compiled = ProjectRuleBase.get();
        CompiledRuleBases cache = storedIn(compiled);
        // Written two hours ago, and other versions since: by age alone it would be the first to go.
        Path served = cache.file(compiled.version());
        Files.setLastModifiedTime(served, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        for (String other : List.of("older-1", "older-2", "older-3")) {
            Path file = cache.file(other);
            Files.write(file, new byte[] { 1 });
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        }

        assertTrue(cache.load(ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE).isPresent());
        cache.store(new RuleBase(compiled.kieBase(), compiled.knowledge(), "newer", compiled.rulesByKey(), compiled.outlines(),
                Instant.now(), EvaluationBounds.DEFAULT, RuleBase.Origin.COMPILED));

        assertTrue(Files.exists(served), "the version read last is kept");
        assertTrue(Files.exists(cache.file("newer")));
        try (Stream<Path> kept = Files.list(data.resolve("compiled-rules"))) {
            assertEquals(CompiledRuleBases.KEPT, kept.count());
        }
    }

    @Test
    void aDamagedFileOrAnotherVersionIsNotUsed() throws IOException {
        RuleBase compiled = ProjectRuleBase.get();
        CompiledRuleBases cache = storedIn(compiled);
        Path file = cache.file(compiled.version());

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 100] ^= 0x5a;
        Files.write(file, bytes);
        assertTrue(cache.load(ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE).isEmpty(), "a damaged file");

        Files.write(file, new byte[] { 1, 2, 3 });
        assertTrue(cache.load(ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE).isEmpty(), "a truncated file");

        cache.store(compiled);
        Path rules = TestFiles.copyTree(ProjectRuleBase.RULES, data.resolve("rules"));
        Files.writeString(rules.resolve("advice/resubmit.drl"), "\n// a changed rule set\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertTrue(!CompiledRuleBases.current(compiled, rules, ProjectRuleBase.KNOWLEDGE),
                "a rule base read before a file changed is no longer current");
        assertTrue(CompiledRuleBases.current(compiled, ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE));
        Optional<RuleBase> changed = cache.load(rules, ProjectRuleBase.KNOWLEDGE);
        assertTrue(changed.isEmpty(), "a changed rule set is another version, compiled and gated");
        assertTrue(cache.load(ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE).isPresent(), "the kept one still serves");
    }

    /** A store in this test's data directory that holds the compiled form of the rule base. */
    private CompiledRuleBases storedIn(RuleBase compiled) {
        CompiledRuleBases cache = new CompiledRuleBases(data.resolve("compiled-rules"), LOADER, EvaluationBounds.DEFAULT);
        cache.store(compiled);
        return cache;
    }
}
