package io.flowdoctor.conventions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.flowdoctor.diagnosis.Category;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.knowledge.DisplayPath;
import io.flowdoctor.knowledge.NormalForm;
import io.flowdoctor.rulebase.RuleProblem;
import io.flowdoctor.scenario.CorpusEvaluation;
import io.flowdoctor.scenario.EvaluationSplit;
import io.flowdoctor.scenario.LabelledFailure;
import io.flowdoctor.scenario.RequestFile;
import io.flowdoctor.scenario.Samples;
import io.flowdoctor.scenario.Scenario;
import io.flowdoctor.scenario.ScenarioFile;

/**
 * The frozen test split of knowledge-base/evaluation stays unseen: it is large enough and covers every category,
 * the development split shares no message with it, no scenario or sample repeats one of its messages, and no
 * rule or knowledge file names one of its cases.
 */
final class SplitDiscipline {

    static final int MINIMUM_TEST_CASES = 150;

    private SplitDiscipline() {
    }

    static List<RuleProblem> problems(Path rules, Path knowledge, List<ScenarioFile> scenarios, Path samples) {
        Path evaluation = knowledge.resolve("evaluation");
        Path testFile = evaluation.resolve("test.yaml");
        if (!Files.isRegularFile(testFile)) {
            return List.of();
        }
        String test = DisplayPath.of(knowledge, testFile);
        EvaluationSplit split = CorpusEvaluation.load(testFile);
        List<RuleProblem> problems = new ArrayList<>();
        if (split.cases().size() < MINIMUM_TEST_CASES) {
            problems.add(new RuleProblem(test, 0, "the test split holds " + split.cases().size() + " cases; at least "
                    + MINIMUM_TEST_CASES + " are needed"));
        }
        Set<Category> missing = EnumSet.allOf(Category.class);
        split.cases().forEach(c -> missing.remove(c.label().category()));
        if (!missing.isEmpty()) {
            problems.add(new RuleProblem(test, 0, "the test split has no case of " + missing));
        }
        Set<String> messages = split.cases().stream().map(c -> NormalForm.text(c.message())).collect(Collectors.toSet());
        Path developmentFile = evaluation.resolve("development.yaml");
        if (Files.isRegularFile(developmentFile)) {
            String development = DisplayPath.of(knowledge, developmentFile);
            List<LabelledFailure> developmentCases = CorpusEvaluation.load(developmentFile).cases();
            developmentCases.stream().filter(c -> messages.contains(NormalForm.text(c.message())))
                    .forEach(c -> problems.add(new RuleProblem(development, 0,
                            "case " + c.id() + " repeats a message of the test split")));
            // A case is cited by its id (scenarios, sources, KNOWLEDGE.md): an id must name one case of either split.
            Set<String> ids = new HashSet<>();
            split.cases().forEach(c -> ids.add(c.id()));
            developmentCases.stream().filter(c -> !ids.add(c.id())).map(LabelledFailure::id).distinct()
                    .forEach(id -> problems.add(new RuleProblem(development, 0,
                            "case id " + id + " is used twice; give the later case a free id")));
        }
        for (ScenarioFile file : scenarios) {
            for (Scenario scenario : file.cases()) {
                if (repeats(scenario.request(), messages)) {
                    problems.add(new RuleProblem(file.file(), 0, "scenario '" + scenario.name()
                            + "' repeats a message of the frozen test split; take another failure"));
                }
            }
        }
        problems.addAll(samples(samples, messages));
        problems.addAll(citations(rules, knowledge, evaluation, split));
        return problems;
    }

    private static List<RuleProblem> samples(Path samples, Set<String> messages) {
        if (samples == null || !Files.isDirectory(samples)) {
            return List.of();
        }
        List<RuleProblem> problems = new ArrayList<>();
        try {
            for (Path file : Samples.jsonFiles(samples)) {
                try {
                    if (repeats(RequestFile.read(file).run(), messages)) {
                        problems.add(new RuleProblem(DisplayPath.of(samples, file), 0,
                                "the sample repeats a message of the frozen test split; take another failure"));
                    }
                } catch (RequestFile.Unreadable unreadable) {
                    // the samples' own check reports it
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private static boolean repeats(RunReport run, Set<String> messages) {
        return run.actions().stream().anyMatch(action -> action.message() != null
                && messages.contains(NormalForm.text(action.message())));
    }

    /** No file of rules/ or knowledge-base/ (but the evaluation corpus itself) names a case of the test split. */
    private static List<RuleProblem> citations(Path rules, Path knowledge, Path evaluation, EvaluationSplit split) {
        Pattern ids = Pattern.compile("\\b(" + split.cases().stream().map(LabelledFailure::id).map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")\\b");
        List<RuleProblem> problems = new ArrayList<>();
        for (Path root : List.of(rules, knowledge)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).filter(file -> !file.startsWith(evaluation)).toList()) {
                    String text = Files.readString(file);
                    Matcher id = ids.matcher(text);
                    if (id.find()) {
                        problems.add(new RuleProblem(DisplayPath.of(root, file), FamilyLayout.lineAt(text, id.start()),
                                "names " + id.group(1) + ", a case of the frozen test split"));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return problems;
    }
}
