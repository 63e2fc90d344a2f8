package io.flowdoctor.rulebase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.TestFiles;
import io.flowdoctor.conventions.Conventions;
import io.flowdoctor.conventions.Conventions.Part;

/**
 * One name per rule family: the family {@code <group>/<family>} of {@code rules/<group>/<family>.drl} (or the decision
 * table {@code .drl.csv}) has its scenarios, tips, evidence and sources under the same key in knowledge-base/; no
 * file there belongs to no family, and every path the rules and the knowledge base cite exists. The check is
 * {@code Conventions} (FAMILY_LAYOUT), which ./check-rules runs too.
 */
class RuleFamiliesTest {

    @TempDir
    Path workspace;

    @Test
    void theProjectsFamiliesKeepTheirLayout() {
        assertEquals(List.of(), layout(ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE));
    }

    @Test
    void aFileOfNoFamilyAndAFamilyWithoutItsFilesAreReported() throws IOException {
        Path rules = TestFiles.copyTree(ProjectRuleBase.RULES, workspace.resolve("rules"));
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        Files.move(knowledge.resolve("scenarios/connectors/ftp.yaml"), knowledge.resolve("scenarios/connectors/ftps.yaml"));

        List<String> problems = layout(rules, knowledge).stream().map(RuleProblem::toString).toList();

        assertTrue(problems.contains(rules.resolve("connectors/ftp.drl") + ": family connectors/ftp needs "
                + knowledge.resolve("scenarios/connectors/ftp.yaml") + " with its scenarios"), problems.toString());
        assertTrue(problems.contains(knowledge.resolve("scenarios/connectors/ftps.yaml") + ": belongs to no rule family:"
                + " there is no rules/connectors/ftps.drl or .drl.csv (a family's files share its key <group>/<family>)"),
                problems.toString());
    }

    @Test
    void aCitedPathThatDoesNotExistIsReportedWithItsLine() throws IOException {
        Path rules = TestFiles.copyTree(ProjectRuleBase.RULES, workspace.resolve("rules"));
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        TestFiles.replace(rules.resolve("connectors/ftp.drl"), "knowledge-base/sources/connectors/ftp.md",
                "knowledge-base/sources/connectors/ftp-gone.md");

        List<String> problems = layout(rules, knowledge).stream().map(RuleProblem::toString).toList();

        assertTrue(problems.stream().anyMatch(p -> p.matches(".*connectors/ftp.drl:\\d+: cites "
                + "knowledge-base/sources/connectors/ftp-gone.md, which does not exist")), problems.toString());
    }

    private static List<RuleProblem> layout(Path rules, Path knowledge) {
        return Conventions.problems(Part.FAMILY_LAYOUT, rules, knowledge, null, null);
    }
}
