package io.flowdoctor.rulebase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.diagnosis.FailedAction;
import io.flowdoctor.diagnosis.Recommendation;

/** Which rules concluded a fact, whatever order the rules were loaded and fired in. */
class RuleSessionTest {

    private static final FailedAction BAD_GATEWAY = new FailedAction("HTTP", "http", "", 502, "", "bad gateway", null);

    @TempDir
    Path workspace;

    @ParameterizedTest(name = "{0} loaded first")
    @CsvSource({ "a.drl, b.drl", "b.drl, a.drl" })
    void anEqualFactFromTwoRulesIsCreditedToBoth(String first, String second) throws IOException {
        Path rules = Files.createDirectories(workspace.resolve("rules"));
        Files.writeString(rules.resolve(first), rule("SHARED-001", "Bad gateway is worth a resubmit"));
        Files.writeString(rules.resolve(second), rule("SHARED-002", "Bad gateway is worth a resubmit as well"));
        RuleBase ruleBase = new RuleBaseCompiler(getClass().getClassLoader()).compile(rules, ProjectRuleBase.KNOWLEDGE);

        Evaluation evaluation = ruleBase.evaluate(List.of(BAD_GATEWAY));

        List<String> credited = evaluation.all(Recommendation.class).stream()
                .filter(r -> r.fact().equals(new Recommendation("transient.resubmit", 1)))
                .map(Derived::rule).map(RuleRef::ruleId).sorted().toList();
        assertEquals(List.of("SHARED-001", "SHARED-002"), credited);
    }

    @Test
    void aFactInsertedPlainlyIsCreditedToItsRule() throws IOException {
        Path rules = Files.createDirectories(workspace.resolve("rules"));
        String plain = rule("PLAIN-001", "Bad gateway, stated plainly").replace("insertLogical(", "insert(");
        Files.writeString(rules.resolve("plain.drl"), plain);
        RuleBase ruleBase = new RuleBaseCompiler(getClass().getClassLoader()).compile(rules, ProjectRuleBase.KNOWLEDGE);

        Evaluation evaluation = ruleBase.evaluate(List.of(BAD_GATEWAY));

        assertEquals(List.of("PLAIN-001"), evaluation.all(Recommendation.class).stream().map(r -> r.rule().ruleId()).toList());
    }

    private static String rule(String id, String name) {
        return """
                package io.flowdoctor.rules;
                import io.flowdoctor.diagnosis.*;

                rule "%s"
                    @id("%s")
                when
                    FailedAction(statusCode == 502)
                then
                    insertLogical(new Recommendation("transient.resubmit", 1));
                end
                """.formatted(name, id);
    }
}
