package io.flowdoctor.conventions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleProblem;
import io.flowdoctor.rulebase.RuleRef;
import io.flowdoctor.scenario.Scenario;
import io.flowdoctor.scenario.ScenarioFile;
import io.flowdoctor.scenario.ScenarioRunner;

/**
 * Every rule is exercised by a scenario, every rule file has cases where its rules must stay silent, and every
 * scenario names its source and has a name of its own.
 */
final class ScenarioCoverage {

    private ScenarioCoverage() {
    }

    /** @param rules the rules directory, to name the line (a table's row) of a rule's id */
    static List<RuleProblem> problems(Path rules, RuleBase ruleBase, List<ScenarioFile> files) {
        List<RuleProblem> problems = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        Set<String> expectedSilent = new HashSet<>();
        Map<String, String> fileOfName = new HashMap<>();
        for (ScenarioFile file : files) {
            for (Scenario scenario : file.cases()) {
                try {
                    ScenarioRunner.diagnose(ruleBase, scenario).firedRules().forEach(rule -> fired.add(rule.ruleId()));
                } catch (RuntimeException failed) {
                    // a scenario that cannot be diagnosed fails as a scenario, with its reason
                }
                expectedSilent.addAll(scenario.expect().notFired());
                if (scenario.source() == null || scenario.source().isBlank()) {
                    problems.add(new RuleProblem(file.file(), 0, "scenario '" + scenario.name() + "' needs a source:"
                            + " where the failure comes from"));
                }
                String earlier = fileOfName.put(scenario.name(), file.file());
                if (earlier != null) {
                    problems.add(new RuleProblem(file.file(), 0, "scenario name '" + scenario.name()
                            + "' is already used in " + earlier));
                }
            }
        }
        Map<String, List<RuleRef>> rulesByFile = new TreeMap<>();
        ruleBase.allRules().forEach(rule -> rulesByFile.computeIfAbsent(rule.file(), f -> new ArrayList<>()).add(rule));
        rulesByFile.forEach((file, ofFile) -> {
            new TreeSet<>(ofFile.stream().filter(rule -> !fired.contains(rule.ruleId())).map(RuleRef::ruleId).toList())
                    .forEach(id -> problems.add(new RuleProblem(file, lineOfId(rules, file, id), "rule " + id
                            + " fires in no scenario: add a case to its family's scenarios that makes it fire")));
            if (ofFile.stream().noneMatch(rule -> expectedSilent.contains(rule.ruleId()))) {
                problems.add(new RuleProblem(file, 0, "no scenario expects a rule of this file to stay silent:"
                        + " add a case with notFired: [<one of its rule ids>]"));
            }
        });
        return problems;
    }

    /** The line of the rule's id in its file ({@code @id("X")}, or a table's cell): where an analyst looks for it. */
    private static int lineOfId(Path rules, String file, String id) {
        Path path = rules.resolve(file.substring(file.indexOf('/') + 1));
        try {
            String text = Files.readString(path);
            Matcher at = Pattern.compile("(?<![\\w-])" + Pattern.quote(id) + "(?![\\w-])").matcher(text);
            return at.find() ? FamilyLayout.lineAt(text, at.start()) : 0;
        } catch (IOException unreadable) {
            return 0;
        }
    }
}
