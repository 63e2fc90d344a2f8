package io.flowdoctor.conventions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.knowledge.DisplayPath;
import io.flowdoctor.knowledge.Lexicon;
import io.flowdoctor.knowledge.NormalForm;
import io.flowdoctor.rulebase.RuleProblem;
import io.flowdoctor.scenario.Scenario;
import io.flowdoctor.scenario.ScenarioFile;

/** Every signal family of the lexicon is exercised by scenarios in at least two languages. */
final class SignalCoverage {

    private SignalCoverage() {
    }

    static List<RuleProblem> problems(Path knowledge, Lexicon lexicon, List<ScenarioFile> files) {
        Map<String, Set<String>> languagesBySignal = new TreeMap<>();
        for (ScenarioFile file : files) {
            for (Scenario scenario : file.cases()) {
                for (RunReport.ReportedAction action : scenario.request().actions()) {
                    lexicon.signals(NormalForm.text(action.message()), Lexicon.compoundWords(action.message()))
                            .forEach(match -> languagesBySignal
                                    .computeIfAbsent(match.signal(), signal -> new TreeSet<>()).add(match.language()));
                }
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        Path directory = knowledge.resolve("lexicon");
        for (Path family : yamlFiles(directory)) {
            Set<String> languages = new TreeSet<>();
            try {
                new YAMLMapper().readTree(family.toFile()).fieldNames()
                        .forEachRemaining(signal -> languages.addAll(languagesBySignal.getOrDefault(signal, Set.of())));
            } catch (IOException unreadable) {
                continue; // the knowledge base's loader reports it
            }
            if (languages.size() < 2) {
                problems.add(new RuleProblem(DisplayPath.of(knowledge, family), 0, "the scenarios exercise this signal family"
                        + " in " + (languages.isEmpty() ? "no language" : "only " + String.join(", ", languages))
                        + ": add a scenario whose message carries one of its signals in another language"));
            }
        }
        return problems;
    }

    private static List<Path> yamlFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
