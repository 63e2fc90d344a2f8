package io.flowdoctor.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.knowledge.KnowledgeBaseLoader;
import io.flowdoctor.knowledge.Lexicon;

/** Every signal family of the lexicon is exercised by scenarios in at least two languages. */
class SignalCoverageTest {

    private static final Path LEXICON = ProjectRuleBase.KNOWLEDGE.resolve("lexicon");
    private static final ObjectMapper YAML = new YAMLMapper();

    @Test
    void everySignalFamilyHasScenariosInTwoLanguages() throws IOException {
        Lexicon lexicon = KnowledgeBaseLoader.load(ProjectRuleBase.KNOWLEDGE).lexicon();
        Map<String, Set<String>> languagesBySignal = new TreeMap<>();
        for (ScenarioFile file : ScenarioLoader.load(ProjectRuleBase.KNOWLEDGE.resolve("scenarios"))) {
            for (Scenario scenario : file.cases()) {
                for (RunReport.ReportedAction action : scenario.request().actions()) {
                    String text = action.message() == null ? ""
                            : action.message().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                    lexicon.signals(text).forEach(match -> languagesBySignal
                            .computeIfAbsent(match.signal(), signal -> new TreeSet<>()).add(match.language()));
                }
            }
        }
        Map<String, Set<String>> thinFamilies = new TreeMap<>();
        try (Stream<Path> files = Files.list(LEXICON)) {
            for (Path family : files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList()) {
                Set<String> languages = new TreeSet<>();
                YAML.readTree(family.toFile()).fieldNames()
                        .forEachRemaining(signal -> languages.addAll(languagesBySignal.getOrDefault(signal, Set.of())));
                if (languages.size() < 2) {
                    thinFamilies.put(family.getFileName().toString(), languages);
                }
            }
        }
        assertEquals(Map.of(), thinFamilies, "signal families whose scenarios use fewer than two languages");
    }
}
