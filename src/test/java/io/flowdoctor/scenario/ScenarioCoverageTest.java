package io.flowdoctor.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.TestFiles;
import io.flowdoctor.conventions.Conventions;
import io.flowdoctor.conventions.Conventions.Part;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleBaseCompiler;
import io.flowdoctor.rulebase.RuleProblem;

/**
 * Every rule is exercised by a scenario, every rule family has cases where it must stay silent, every scenario
 * names its source and has a name of its own ({@code Conventions}, SCENARIO_COVERAGE, as ./check-rules runs it).
 */
class ScenarioCoverageTest {

    @TempDir
    Path workspace;

    @Test
    void everyRuleFiresSomewhereAndEveryFamilyHasSilentCases() {
        assertEquals(List.of(), coverage(ProjectRuleBase.RULES, ProjectRuleBase.get()));
    }

    @Test
    void aRuleNoScenarioMakesFireIsReported() throws IOException {
        Path rules = TestFiles.copyTree(ProjectRuleBase.RULES, workspace.resolve("rules"));
        Files.writeString(rules.resolve("connectors/ftp.drl"), """

                rule "An FTP server that answers 599 is never seen"
                    @id("FTP-999")
                when
                    FailedAction(connector == "ftp", statusCode == 599)
                then
                end
                """, StandardOpenOption.APPEND);
        RuleBase ruleBase = new RuleBaseCompiler(getClass().getClassLoader()).compile(rules, ProjectRuleBase.KNOWLEDGE);

        assertEquals(List.of(new RuleProblem("rules/connectors/ftp.drl", 28,
                "rule FTP-999 fires in no scenario: add a case to its family's scenarios that makes it fire")),
                coverage(rules, ruleBase));
    }

    private static List<RuleProblem> coverage(Path rules, RuleBase ruleBase) {
        return Conventions.problems(Part.SCENARIO_COVERAGE, rules, ProjectRuleBase.KNOWLEDGE, null, ruleBase);
    }
}
