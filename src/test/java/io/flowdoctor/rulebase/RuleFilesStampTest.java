package io.flowdoctor.rulebase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFilesStampTest {

    @TempDir
    Path workspace;

    @Test
    void anEditUndoneKeepsTheVersionButNotTheStamp() throws IOException {
        Path rules = Files.createDirectories(workspace.resolve("rules"));
        Path knowledge = Files.createDirectories(workspace.resolve("knowledge-base"));
        Path rule = Files.writeString(rules.resolve("a.drl"), "rule one");
        Files.setLastModifiedTime(rule, FileTime.from(Instant.parse("2026-12-01T08:00:00Z")));
        String version = RuleSetVersion.of(rules, knowledge);
        RuleFilesStamp before = RuleFilesStamp.of(rules, knowledge);
        assertEquals(before, RuleFilesStamp.of(rules, knowledge), "nothing written, the same stamp");

        Files.writeString(rule, "rule two");
        Files.writeString(rule, "rule one");
        Files.setLastModifiedTime(rule, FileTime.from(Instant.parse("2026-12-01T08:00:05Z")));

        assertEquals(version, RuleSetVersion.of(rules, knowledge));
        assertNotEquals(before, RuleFilesStamp.of(rules, knowledge));
    }

    @Test
    void aFileAddedAndAMissingDirectoryAreStampedToo() throws IOException {
        Path rules = Files.createDirectories(workspace.resolve("rules"));
        Path missing = workspace.resolve("knowledge-base");
        RuleFilesStamp before = RuleFilesStamp.of(rules, missing);

        Files.writeString(rules.resolve("b.drl"), "rule three");

        assertNotEquals(before, RuleFilesStamp.of(rules, missing));
    }
}
