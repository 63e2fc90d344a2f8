package io.flowdoctor.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.flowdoctor.ProjectRuleBase;

/** Runs every case of knowledge-base/scenarios against the project's rules. */
class ScenarioTest {

    static Stream<Arguments> scenarios() {
        return ScenarioLoader.load(ProjectRuleBase.KNOWLEDGE.resolve("scenarios")).stream()
                .flatMap(file -> file.cases().stream().map(scenario -> Arguments.of(file.file(), scenario)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("scenarios")
    void scenarioHolds(String file, Scenario scenario) {
        List<Mismatch> mismatches = ScenarioRunner.mismatches(ProjectRuleBase.get(), scenario);
        assertTrue(mismatches.isEmpty(),
                () -> "Scenario '" + scenario.name() + "' in " + file + ":\n  "
                        + String.join("\n  ", mismatches.stream().map(Mismatch::toString).toList()));
    }
}
