package io.flowdoctor.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.conventions.Conventions;
import io.flowdoctor.conventions.Conventions.Part;

/** Every signal family of the lexicon is exercised by scenarios in at least two languages (SIGNAL_COVERAGE). */
class SignalCoverageTest {

    @Test
    void everySignalFamilyHasScenariosInTwoLanguages() {
        assertEquals(List.of(), Conventions.problems(Part.SIGNAL_COVERAGE, ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE,
                null, ProjectRuleBase.get()));
    }
}
