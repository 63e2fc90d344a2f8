package io.flowdoctor.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.flowdoctor.rulebase.RuleProblem;

/**
 * The test split stays unseen: it is large enough and covers every category, no scenario or sample repeats its
 * messages, no rule or knowledge file names its cases (SPLIT_DISCIPLINE, as ./check-rules runs it).
 */
class EvaluationSplitTest {

    private static final Path SAMPLES = Path.of("samples");

    @TempDir
    Path workspace;

    @Test
    void theTestSplitStaysUnseen() {
        assertEquals(List.of(), discipline(ProjectRuleBase.KNOWLEDGE, SAMPLES));
    }

    @Test
    void aSampleThatRepeatsATestSplitMessageIsReported() throws IOException {
        Path samples = TestFiles.copyTree(SAMPLES, workspace.resolve("samples"));
        Files.writeString(samples.resolve("platform-dlp-policy.json"), """
                {"flowId": "f", "actions": [{"name": "Get items", "message":
                 "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance."}]}
                """);

        assertEquals(List.of(new RuleProblem("samples/platform-dlp-policy.json", 0,
                "the sample repeats a message of the frozen test split; take another failure")),
                discipline(ProjectRuleBase.KNOWLEDGE, samples));
    }

    @Test
    void aScenarioThatRepeatsATestSplitMessageIsReported() {
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        TestFiles.replace(knowledge.resolve("scenarios/connectors/office365users.yaml"),
                "message: \"No manager found for the specified user.\"",
                "message: \"Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.\"");

        List<RuleProblem> problems = discipline(knowledge, SAMPLES);

        assertEquals(4, problems.size(), problems.toString());
        assertEquals(List.of(new RuleProblem("knowledge-base/scenarios/connectors/office365users.yaml", 0,
                "scenario 'Get manager without a manager in Entra ID' repeats a message of the frozen test split;"
                        + " take another failure")),
                problems.subList(0, 1));
    }

    @Test
    void aCaseIdUsedTwiceIsReported() {
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        TestFiles.replace(knowledge.resolve("evaluation/development.yaml"), "- id: D-004\n", "- id: D-003\n");

        assertEquals(List.of(new RuleProblem("knowledge-base/evaluation/development.yaml", 0,
                "case id D-003 is used twice; give the later case a free id")), discipline(knowledge, SAMPLES));
    }

    private static List<RuleProblem> discipline(Path knowledge, Path samples) {
        return Conventions.problems(Part.SPLIT_DISCIPLINE, ProjectRuleBase.RULES, knowledge, samples, null);
    }
}
