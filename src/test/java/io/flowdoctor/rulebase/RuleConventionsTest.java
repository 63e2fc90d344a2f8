package io.flowdoctor.rulebase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowdoctor.ProjectRuleBase;

/**
 * The conventions rules must keep to match at all (text, codes and connectors are compared in their normalised
 * form, so a literal in another form can never match) and to be read (every DRL file opens with a comment), as
 * {@link RuleConventions} checks them for ./check-rules.
 */
class RuleConventionsTest {

    @TempDir
    Path workspace;

    @Test
    void theProjectsRulesKeepTheirConventions() {
        assertEquals(List.of(), RuleConventions.problems(ProjectRuleBase.RULES));
    }

    @Test
    void aLiteralThatCanNeverMatchIsReportedWithItsLineAndItsNormalForm() throws IOException {
        Path rules = rules("generic/shouting.drl", """
                // A family for the test.
                package io.flowdoctor.rules;
                import io.flowdoctor.diagnosis.*;

                rule "Matches text in capitals"
                    @id("LOUD-001")
                when
                    FailedAction(text contains "List View  Threshold", operation == "Manager_V2")
                then
                end
                """);

        assertEquals(List.of(
                new RuleProblem("rules/generic/shouting.drl", 8, "text literal \"List View  Threshold\" can never match:"
                        + " text is compared in its normal form (lower case, single spaces, plain quotes);"
                        + " write \"list view threshold\""),
                new RuleProblem("rules/generic/shouting.drl", 8, "operation literal \"Manager_V2\" can never match:"
                        + " operation is compared in its normal form (lower case, trimmed); write \"manager_v2\"")),
                RuleConventions.problems(rules));
    }

    @Test
    void aTypographicQuoteCanNeverMatchEither() throws IOException {
        Path rules = rules("generic/quotes.drl", """
                // A family for the test.
                rule "Matches a typographic quote"
                when
                    FailedAction(text contains "can\u2019t")
                then
                end
                """);

        assertEquals(List.of(new RuleProblem("rules/generic/quotes.drl", 4, "text literal \"can\u2019t\" can never match:"
                + " text is compared in its normal form (lower case, single spaces, plain quotes); write \"can't\"")),
                RuleConventions.problems(rules));
    }

    @Test
    void aRuleFileWithoutItsOpeningCommentIsReported() throws IOException {
        Path rules = rules("generic/silent.drl", "package io.flowdoctor.rules;\n");

        List<RuleProblem> problems = RuleConventions.problems(rules);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("rules/generic/silent.drl:1", problems.get(0).file() + ":" + problems.get(0).line());
    }

    private Path rules(String name, String drl) throws IOException {
        Path rules = workspace.resolve("rules");
        Files.createDirectories(rules.resolve(name).getParent());
        Files.writeString(rules.resolve(name), drl);
        return rules;
    }
}
