package io.flowdoctor.rulebase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.scenario.ScenarioFile;
import io.flowdoctor.scenario.ScenarioLoader;

/**
 * One name per rule family: the family {@code <group>/<family>} of {@code rules/<group>/<family>.drl} (or
 * the decision table {@code rules/<group>/<family>.drl.csv}) has its scenarios in
 * {@code knowledge-base/scenarios/<group>/<family>.yaml} (whose {@code family:} is that key), its tips in
 * {@code knowledge-base/tips/<group>/<family>.yaml}, its rules' evidence in
 * {@code knowledge-base/evidence/<group>/<family>.yaml} and its sources in
 * {@code knowledge-base/sources/<group>/<family>.md}; no file there belongs to no family, and every path
 * the rules and the knowledge base cite exists.
 */
class RuleFamiliesTest {

    private static final Path RULES = ProjectRuleBase.RULES;
    private static final Path SCENARIOS = ProjectRuleBase.KNOWLEDGE.resolve("scenarios");
    private static final Path TIPS = ProjectRuleBase.KNOWLEDGE.resolve("tips");
    private static final Path SOURCES = ProjectRuleBase.KNOWLEDGE.resolve("sources");
    private static final Path EVIDENCE = ProjectRuleBase.KNOWLEDGE.resolve("evidence");

    /** Scenarios of no rule family: the failing-step locator is Java (knowledge-base/failing-step.yaml). */
    private static final Set<String> SCENARIOS_OF_NO_FAMILY = Set.of("locator/failing-step");
    /** Sources of no single family: the index of all sources, and the seed article several families draw on. */
    private static final Set<String> GENERAL_SOURCES = Set.of("README", "seed");

    private static final Pattern TIP_NAMED = Pattern.compile("new\\s+Recommendation\\s*\\(\\s*\"([^\"]+)\"");
    /** A repository path: rules/... or knowledge-base/..., not part of a longer path or word. */
    private static final Pattern CITED_PATH = Pattern.compile("(?<![\\w/.-])((?:rules|knowledge-base)/[\\w./<>*{}-]*)");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRuleFileIsAFamilyOfAGroup() throws IOException {
        List<String> outside = ruleFiles().keySet().stream()
                .filter(key -> key.split("/").length != 2)
                .toList();
        assertEquals(List.of(), outside, "rule files not at rules/<group>/<family>.drl");
        assertFalse(families().isEmpty());
    }

    /** The tip file may be missing only where the family's rules name no tip that no other family names. */
    @Test
    void everyFamilyHasItsScenariosTipsAndSources() throws IOException {
        Map<String, Set<String>> named = tipsNamedByFamily();
        List<String> missing = new ArrayList<>();
        for (String family : families()) {
            requireFile(SCENARIOS.resolve(family + ".yaml"), missing);
            requireFile(SOURCES.resolve(family + ".md"), missing);
            if (!ownTips(family, named).isEmpty()) {
                requireFile(TIPS.resolve(family + ".yaml"), missing);
            }
        }
        assertEquals(List.of(), missing, "families without their scenario, source or tip file");
    }

    @Test
    void everyScenarioTipAndSourceFileBelongsToAFamily() throws IOException {
        Set<String> families = families();
        List<String> strays = new ArrayList<>();
        strays.addAll(strays(SCENARIOS, ".yaml", families, SCENARIOS_OF_NO_FAMILY));
        strays.addAll(strays(TIPS, ".yaml", families, Set.of()));
        strays.addAll(strays(SOURCES, ".md", families, GENERAL_SOURCES));
        strays.addAll(strays(EVIDENCE, ".yaml", families, Set.of()));
        assertEquals(List.of(), strays, "files of no rule family (a family is rules/<group>/<family>.drl)");
    }

    @Test
    void everyScenarioFileNamesItsKeyAsFamily() {
        List<String> wrong = new ArrayList<>();
        for (ScenarioFile file : ScenarioLoader.load(SCENARIOS)) {
            String key = file.file().replaceFirst("^.*?scenarios/", "").replaceFirst("\\.yaml$", "");
            if (!key.equals(file.family())) {
                wrong.add(file.file() + ": family '" + file.family() + "', expected '" + key + "'");
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** A tip lives with a family that names it; one only a single family names lives with that family. */
    @Test
    void tipsLiveInAFamilyWhoseRulesNameThem() throws IOException {
        Map<String, Set<String>> named = tipsNamedByFamily();
        List<String> misplaced = new ArrayList<>();
        for (Map.Entry<String, Path> file : files(TIPS, ".yaml").entrySet()) {
            Set<String> namedHere = named.getOrDefault(file.getKey(), Set.of());
            for (String tip : tipIds(file.getValue())) {
                if (!namedHere.contains(tip)) {
                    misplaced.add(tip + " in " + file.getValue() + ", whose rules do not name it");
                }
            }
        }
        for (String family : named.keySet()) {
            Path tipFile = TIPS.resolve(family + ".yaml");
            Set<String> there = Files.exists(tipFile) ? tipIds(tipFile) : Set.of();
            for (String tip : ownTips(family, named)) {
                if (!there.contains(tip)) {
                    misplaced.add(tip + ", named only by the rules of " + family + ", is not in knowledge-base/tips/"
                            + family + ".yaml");
                }
            }
        }
        assertEquals(List.of(), misplaced);
    }

    @Test
    void everyFamilyFileCitesTheFamilysOwnFiles() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String family : families()) {
            Path ruleFile = ruleFiles().get(family);
            String rule = "rules/" + RULES.relativize(ruleFile).toString().replace('\\', '/');
            requireCitation(ruleFile, "knowledge-base/sources/" + family + ".md", wrong);
            requireCitation(SCENARIOS.resolve(family + ".yaml"), rule, wrong);
            requireCitation(SOURCES.resolve(family + ".md"), rule, wrong);
            Path tips = TIPS.resolve(family + ".yaml");
            if (Files.exists(tips)) {
                requireCitation(tips, rule, wrong);
                requireCitation(SOURCES.resolve(family + ".md"), "knowledge-base/tips/" + family + ".yaml", wrong);
            }
        }
        assertEquals(List.of(), wrong, "family files that do not cite their family's files");
    }

    /** Paths as rules/... or knowledge-base/..., and relative Markdown links; patterns with <, *, { are skipped. */
    @Test
    void everyCitedPathExists() throws IOException {
        List<Path> citing = new ArrayList<>();
        citing.addAll(allFiles(RULES));
        citing.addAll(allFiles(ProjectRuleBase.KNOWLEDGE));
        citing.add(Path.of("README.md"));
        citing.add(Path.of("BENCHMARKS.md"));
        List<String> broken = new ArrayList<>();
        for (Path file : citing) {
            String text = Files.readString(file);
            Matcher path = CITED_PATH.matcher(text);
            while (path.find()) {
                String cited = path.group(1).replaceAll("[.]+$", "");
                if (!cited.matches(".*[<>*{}].*") && !Files.exists(Path.of(cited))) {
                    broken.add(file + ": " + cited);
                }
            }
            if (file.toString().endsWith(".md")) {
                Matcher link = MARKDOWN_LINK.matcher(text);
                while (link.find()) {
                    String target = link.group(1).replaceFirst("#.*$", "");
                    boolean external = target.isEmpty() || target.matches("^[a-z]+:.*");
                    if (!external && !Files.exists(file.resolveSibling(target))) {
                        broken.add(file + ": link " + target);
                    }
                }
            }
        }
        assertEquals(List.of(), broken, "cited paths that do not exist");
    }

    /** The keys of rules/<group>/<family>.drl and rules/<group>/<family>.drl.csv. */
    private static Set<String> families() throws IOException {
        return new TreeSet<>(ruleFiles().keySet());
    }

    /** Rule files by family key: DRL files and decision tables. */
    private static Map<String, Path> ruleFiles() throws IOException {
        Map<String, Path> byKey = new TreeMap<>(files(RULES, ".drl"));
        byKey.putAll(files(RULES, ".drl.csv"));
        return byKey;
    }

    /** Per family, the tip ids its rules recommend. */
    private static Map<String, Set<String>> tipsNamedByFamily() throws IOException {
        Map<String, Set<String>> named = new TreeMap<>();
        for (Map.Entry<String, Path> rule : ruleFiles().entrySet()) {
            Set<String> tips = new TreeSet<>();
            Matcher tip = TIP_NAMED.matcher(ruleText(rule.getValue()));
            while (tip.find()) {
                tips.add(tip.group(1));
            }
            named.put(rule.getKey(), tips);
        }
        return named;
    }

    /** The rules as DRL: a DRL file as it is, a decision table as the DRL its compiler generates from it. */
    private static String ruleText(Path file) throws IOException {
        return DecisionTables.isTable(file) ? DecisionTables.drl(file) : Files.readString(file);
    }

    /** The tips only this family's rules name: they must live in its tip file, which then must exist. */
    private static Set<String> ownTips(String family, Map<String, Set<String>> named) {
        Set<String> own = new TreeSet<>(named.getOrDefault(family, Set.of()));
        named.forEach((other, tips) -> {
            if (!other.equals(family)) {
                own.removeAll(tips);
            }
        });
        return own;
    }

    private static Set<String> tipIds(Path file) throws IOException {
        Map<String, Object> tips = new YAMLMapper().readValue(file.toFile(),
                new TypeReference<LinkedHashMap<String, Object>>() {
                });
        return tips == null ? Set.of() : new TreeSet<>(tips.keySet());
    }

    /** Files under a directory that are not {@code <family key><extension>} nor an allowed exception. */
    private static List<String> strays(Path directory, String extension, Set<String> families, Set<String> allowed)
            throws IOException {
        List<String> strays = new ArrayList<>();
        for (Path file : allFiles(directory)) {
            String relative = directory.relativize(file).toString().replace('\\', '/');
            String key = relative.endsWith(extension)
                    ? relative.substring(0, relative.length() - extension.length())
                    : null;
            if (key == null || !families.contains(key) && !allowed.contains(key)) {
                strays.add(file.toString().replace('\\', '/'));
            }
        }
        return strays;
    }

    /** Files under a directory with an extension, by their key: the relative path without the extension. */
    private static Map<String, Path> files(Path directory, String extension) throws IOException {
        Map<String, Path> byKey = new TreeMap<>();
        for (Path file : allFiles(directory)) {
            String relative = directory.relativize(file).toString().replace('\\', '/');
            if (relative.endsWith(extension)) {
                byKey.put(relative.substring(0, relative.length() - extension.length()), file);
            }
        }
        return byKey;
    }

    private static List<Path> allFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void requireFile(Path file, List<String> missing) {
        if (!Files.isRegularFile(file)) {
            missing.add(file.toString().replace('\\', '/'));
        }
    }

    private static void requireCitation(Path file, String cited, List<String> wrong) throws IOException {
        if (Files.isRegularFile(file) && !Files.readString(file).contains(cited)) {
            wrong.add(file.toString().replace('\\', '/') + " does not cite " + cited);
        }
    }
}
