package io.flowdoctor.conventions;

import java.io.IOException;
import java.io.UncheckedIOException;
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

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.flowdoctor.rulebase.RuleFiles;
import io.flowdoctor.rulebase.RuleProblem;
import io.flowdoctor.scenario.ScenarioFile;

/**
 * One name per rule family: the family {@code <group>/<family>} of {@code rules/<group>/<family>.drl} (or the
 * decision table {@code .drl.csv}) has its scenarios in {@code knowledge-base/scenarios/<group>/<family>.yaml}
 * (whose {@code family:} is that key), its tips in {@code knowledge-base/tips/<group>/<family>.yaml}, its rules'
 * evidence in {@code knowledge-base/evidence/<group>/<family>.yaml} and its sources in
 * {@code knowledge-base/sources/<group>/<family>.md}; no file there belongs to no family, and every path the
 * rules, the knowledge base and the project's documents cite exists.
 */
final class FamilyLayout {

    /** Scenarios of no rule family: the failing-step locator is Java (knowledge-base/failing-step.yaml). */
    private static final Set<String> SCENARIOS_OF_NO_FAMILY = Set.of("locator/failing-step");
    /**
     * Sources of no single family: the index of all sources, the seed article several families draw on, and the
     * glossary's (knowledge-base/glossary/).
     */
    private static final Set<String> GENERAL_SOURCES = Set.of("README", "seed", "glossary");
    /** Documents at the project root whose cited paths must exist too. */
    private static final List<String> DOCUMENTS = List.of("README.md", "BENCHMARKS.md", "KNOWLEDGE.md");

    private static final Pattern TIP_NAMED = Pattern.compile("new\\s+Recommendation\\s*\\(\\s*\"([^\"]+)\"");
    /** A repository path: rules/... or knowledge-base/..., not part of a longer path or word. */
    private static final Pattern CITED_PATH = Pattern.compile("(?<![\\w/.-])((?:rules|knowledge-base|samples)/[\\w./<>*{}-]*)");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private final Path rules;
    private final Path knowledge;
    private final Path scenarios;
    private final Path tips;
    private final Path sources;
    private final Path evidence;
    private final Map<String, Path> ruleFiles;
    private final List<RuleProblem> problems = new ArrayList<>();

    private FamilyLayout(Path rules, Path knowledge) {
        this.rules = rules;
        this.knowledge = knowledge;
        this.scenarios = knowledge.resolve("scenarios");
        this.tips = knowledge.resolve("tips");
        this.sources = knowledge.resolve("sources");
        this.evidence = knowledge.resolve("evidence");
        this.ruleFiles = RuleFiles.byFamily(rules);
    }

    /** Every way the files depart from the layout; cited documents and samples are found from the working directory. */
    static List<RuleProblem> problems(Path rules, Path knowledge, List<ScenarioFile> scenarioFiles) {
        FamilyLayout layout = new FamilyLayout(rules, knowledge);
        layout.ruleFilesAreFamiliesOfAGroup();
        Map<String, Set<String>> named = layout.tipsNamedByFamily();
        layout.familiesHaveTheirFiles(named);
        layout.filesBelongToAFamily();
        layout.scenarioFilesNameTheirKey(scenarioFiles);
        layout.tipsLiveWhereTheyAreNamed(named);
        layout.familyFilesCiteEachOther();
        layout.citedPathsExist();
        return layout.problems;
    }

    private void ruleFilesAreFamiliesOfAGroup() {
        ruleFiles.forEach((key, file) -> {
            if (key.split("/").length != 2) {
                problem(file, "a rule file lives at rules/<group>/<family>.drl (or .drl.csv); move it into a group");
            }
        });
    }

    /** The tip file may be missing only where the family's rules name no tip that no other family names. */
    private void familiesHaveTheirFiles(Map<String, Set<String>> named) {
        for (String family : ruleFiles.keySet()) {
            requireFile(family, scenarios.resolve(family + ".yaml"), "its scenarios");
            requireFile(family, sources.resolve(family + ".md"), "its sources");
            Set<String> own = ownTips(family, named);
            if (!own.isEmpty()) {
                requireFile(family, tips.resolve(family + ".yaml"),
                        "the tips only its rules name (" + String.join(", ", own) + ")");
            }
        }
    }

    private void filesBelongToAFamily() {
        strays(scenarios, ".yaml", SCENARIOS_OF_NO_FAMILY);
        strays(tips, ".yaml", Set.of());
        strays(sources, ".md", GENERAL_SOURCES);
        strays(evidence, ".yaml", Set.of());
    }

    private void scenarioFilesNameTheirKey(List<ScenarioFile> scenarioFiles) {
        for (ScenarioFile file : scenarioFiles) {
            String key = file.file().replaceFirst("^.*?scenarios/", "").replaceFirst("\\.yaml$", "");
            if (!key.equals(file.family())) {
                problems.add(new RuleProblem(file.file(), lineOf(scenarios.resolve(key + ".yaml"), "family:"),
                        "family '" + file.family() + "' must be the file's key '" + key + "'"));
            }
        }
    }

    /** A tip lives with a family that names it; one only a single family names lives with that family. */
    private void tipsLiveWhereTheyAreNamed(Map<String, Set<String>> named) {
        for (Map.Entry<String, Path> file : files(tips, ".yaml").entrySet()) {
            Set<String> namedHere = named.getOrDefault(file.getKey(), Set.of());
            for (String tip : tipIds(file.getValue())) {
                if (!namedHere.contains(tip)) {
                    problems.add(new RuleProblem(display(file.getValue()), lineOf(file.getValue(), tip + ":"),
                            "tip '" + tip + "' is here, but no rule of " + file.getKey() + " names it"));
                }
            }
        }
        for (String family : named.keySet()) {
            Path tipFile = tips.resolve(family + ".yaml");
            Set<String> there = Files.exists(tipFile) ? tipIds(tipFile) : Set.of();
            for (String tip : ownTips(family, named)) {
                if (!there.contains(tip)) {
                    problem(ruleFiles.get(family), "tip '" + tip + "', named only by the rules of " + family
                            + ", belongs in knowledge-base/tips/" + family + ".yaml");
                }
            }
        }
    }

    private void familyFilesCiteEachOther() {
        for (String family : ruleFiles.keySet()) {
            Path ruleFile = ruleFiles.get(family);
            String rule = "rules/" + rules.relativize(ruleFile).toString().replace('\\', '/');
            requireCitation(ruleFile, "knowledge-base/sources/" + family + ".md");
            requireCitation(scenarios.resolve(family + ".yaml"), rule);
            requireCitation(sources.resolve(family + ".md"), rule);
            Path tipFile = tips.resolve(family + ".yaml");
            if (Files.exists(tipFile)) {
                requireCitation(tipFile, rule);
                requireCitation(sources.resolve(family + ".md"), "knowledge-base/tips/" + family + ".yaml");
            }
        }
    }

    /** Paths as rules/... or knowledge-base/..., and relative Markdown links; patterns with <, *, { are skipped. */
    private void citedPathsExist() {
        List<Path> citing = new ArrayList<>(allFiles(rules));
        citing.addAll(allFiles(knowledge));
        DOCUMENTS.stream().map(Path::of).filter(Files::isRegularFile).forEach(citing::add);
        for (Path file : citing) {
            String text = read(file);
            Matcher path = CITED_PATH.matcher(text);
            while (path.find()) {
                String cited = path.group(1).replaceAll("[.]+$", "");
                if (!cited.matches(".*[<>*{}].*") && !Files.exists(resolve(cited))) {
                    problems.add(new RuleProblem(display(file), lineAt(text, path.start()), "cites " + cited
                            + ", which does not exist"));
                }
            }
            if (file.toString().endsWith(".md")) {
                Matcher link = MARKDOWN_LINK.matcher(text);
                while (link.find()) {
                    String target = link.group(1).replaceFirst("#.*$", "");
                    boolean external = target.isEmpty() || target.matches("^[a-z]+:.*");
                    if (!external && !Files.exists(file.resolveSibling(target))) {
                        problems.add(new RuleProblem(display(file), lineAt(text, link.start()), "links to " + target
                                + ", which does not exist"));
                    }
                }
            }
        }
    }

    /** A cited path as the directories being checked hold it: rules/... in the rules directory, and so on. */
    private Path resolve(String cited) {
        if (cited.startsWith("rules/")) {
            return rules.resolve(cited.substring("rules/".length()));
        }
        if (cited.startsWith("knowledge-base/")) {
            return knowledge.resolve(cited.substring("knowledge-base/".length()));
        }
        return Path.of(cited);
    }

    /** Per family, the tip ids its rules recommend. */
    private Map<String, Set<String>> tipsNamedByFamily() {
        Map<String, Set<String>> named = new TreeMap<>();
        ruleFiles.forEach((family, file) -> {
            Set<String> found = new TreeSet<>();
            Matcher tip = TIP_NAMED.matcher(RuleFiles.drl(file));
            while (tip.find()) {
                found.add(tip.group(1));
            }
            named.put(family, found);
        });
        return named;
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

    private static Set<String> tipIds(Path file) {
        try {
            Map<String, Object> tips = new YAMLMapper().readValue(file.toFile(),
                    new TypeReference<LinkedHashMap<String, Object>>() {
                    });
            return tips == null ? Set.of() : new TreeSet<>(tips.keySet());
        } catch (IOException unreadable) {
            return Set.of(); // the knowledge base's loader reports it
        }
    }

    /** Files under a directory that are not {@code <family key><extension>} nor an allowed exception. */
    private void strays(Path directory, String extension, Set<String> allowed) {
        for (Path file : allFiles(directory)) {
            String relative = directory.relativize(file).toString().replace('\\', '/');
            String key = relative.endsWith(extension) ? relative.substring(0, relative.length() - extension.length()) : null;
            if (key == null || !ruleFiles.containsKey(key) && !allowed.contains(key)) {
                problem(file, "belongs to no rule family: there is no rules/" + (key == null ? relative : key)
                        + ".drl or .drl.csv (a family's files share its key <group>/<family>)");
            }
        }
    }

    /** Files under a directory with an extension, by their key: the relative path without the extension. */
    private static Map<String, Path> files(Path directory, String extension) {
        Map<String, Path> byKey = new TreeMap<>();
        for (Path file : allFiles(directory)) {
            String relative = directory.relativize(file).toString().replace('\\', '/');
            if (relative.endsWith(extension)) {
                byKey.put(relative.substring(0, relative.length() - extension.length()), file);
            }
        }
        return byKey;
    }

    private static List<Path> allFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireFile(String family, Path file, String holds) {
        if (!Files.isRegularFile(file)) {
            problem(ruleFiles.get(family), "family " + family + " needs " + display(file) + " with " + holds);
        }
    }

    private void requireCitation(Path file, String cited) {
        if (Files.isRegularFile(file) && !read(file).contains(cited)) {
            problem(file, "must cite " + cited + " (the files of one family name each other)");
        }
    }

    private void problem(Path file, String message) {
        problems.add(new RuleProblem(display(file), 0, message));
    }

    private static String display(Path file) {
        return file.toString().replace('\\', '/');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(Path file, String text) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        String content = read(file);
        int at = content.indexOf(text);
        return at < 0 ? 0 : lineAt(content, at);
    }

    static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
