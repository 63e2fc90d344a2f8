package io.flowdoctor.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.diagnosis.Category;
import io.flowdoctor.diagnosis.RunReport;

/** The test split stays unseen: no scenario repeats its messages, no rule or knowledge file names its cases. */
class EvaluationSplitTest {

    private static final Path EVALUATION = ProjectRuleBase.KNOWLEDGE.resolve("evaluation");
    private static final EvaluationSplit TEST = CorpusEvaluation.load(EVALUATION.resolve("test.yaml"));
    private static final EvaluationSplit DEVELOPMENT = CorpusEvaluation.load(EVALUATION.resolve("development.yaml"));

    @Test
    void theTestSplitIsLargeEnoughAndCoversEveryCategory() {
        assertTrue(TEST.cases().size() >= 150, "at least 150 test cases: " + TEST.cases().size());
        Set<?> categories = TEST.cases().stream().map(c -> c.label().category()).collect(Collectors.toSet());
        assertEquals(Category.values().length, categories.size(), "every category in the test split");
    }

    @Test
    void theSplitsShareNoMessage() {
        Set<String> test = TEST.cases().stream().map(c -> normalised(c.message())).collect(Collectors.toSet());
        List<String> shared = DEVELOPMENT.cases().stream().filter(c -> test.contains(normalised(c.message())))
                .map(LabelledFailure::id).toList();
        assertEquals(List.of(), shared);
    }

    @Test
    void noScenarioRepeatsATestSplitMessage() {
        Set<String> test = TEST.cases().stream().map(c -> normalised(c.message())).collect(Collectors.toSet());
        List<String> leaks = new ArrayList<>();
        for (ScenarioFile file : ScenarioLoader.load(ProjectRuleBase.KNOWLEDGE.resolve("scenarios"))) {
            for (Scenario scenario : file.cases()) {
                for (RunReport.ReportedAction action : scenario.request().actions()) {
                    if (action.message() != null && test.contains(normalised(action.message()))) {
                        leaks.add(file.file() + ": " + scenario.name());
                    }
                }
            }
        }
        assertEquals(List.of(), leaks, "scenarios that repeat a message of the frozen test split");
    }

    @Test
    void noRuleOrKnowledgeFileNamesATestCase() throws IOException {
        Pattern ids = Pattern.compile("\\b(" + TEST.cases().stream().map(LabelledFailure::id).map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")\\b");
        List<String> citing = new ArrayList<>();
        for (Path root : List.of(ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).filter(file -> !file.startsWith(EVALUATION)).forEach(file -> {
                    var matcher = ids.matcher(read(file));
                    if (matcher.find()) {
                        citing.add(file + " names " + matcher.group(1));
                    }
                });
            }
        }
        assertEquals(List.of(), citing);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalised(String message) {
        return message.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
