package io.flowdoctor.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleRef;

/** Every rule is exercised by a scenario, and every rule family has cases where it must stay silent. */
class ScenarioCoverageTest {

    private final RuleBase ruleBase = ProjectRuleBase.get();
    private final List<Scenario> scenarios = ScenarioLoader.load(ProjectRuleBase.KNOWLEDGE.resolve("scenarios")).stream()
            .flatMap(file -> file.cases().stream())
            .toList();

    @Test
    void everyRuleFiresInSomeScenario() {
        Set<String> fired = scenarios.stream()
                .flatMap(scenario -> ScenarioRunner.diagnose(ruleBase, scenario).firedRules().stream())
                .map(RuleRef::ruleId)
                .collect(Collectors.toSet());
        Set<String> never = ruleBase.allRules().stream().map(RuleRef::ruleId)
                .filter(id -> !fired.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), never, "rules no scenario makes fire");
    }

    @Test
    void everyRuleFamilyHasCasesThatMustNotFire() {
        Set<String> expectedSilent = scenarios.stream()
                .flatMap(scenario -> scenario.expect().notFired().stream())
                .collect(Collectors.toSet());
        Map<String, List<String>> idsByFile = ruleBase.allRules().stream()
                .collect(Collectors.groupingBy(RuleRef::file, Collectors.mapping(RuleRef::ruleId, Collectors.toList())));
        Set<String> familiesWithoutSilentCase = idsByFile.entrySet().stream()
                .filter(family -> family.getValue().stream().noneMatch(expectedSilent::contains))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), familiesWithoutSilentCase,
                "rule files with no scenario that expects one of their rules not to fire");
    }

    @Test
    void everyScenarioNamesItsSourceAndIsUniquelyNamed() {
        assertTrue(scenarios.stream().allMatch(s -> s.source() != null && !s.source().isBlank()),
                "a scenario lacks its source");
        Collection<String> names = scenarios.stream().map(Scenario::name).toList();
        assertEquals(new TreeSet<>(names).size(), names.size(), "scenario names repeat");
    }
}
