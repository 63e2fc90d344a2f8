package io.flowdoctor.rulebase;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleBaseCompilerTest {

    private static final String HEADER = "package io.flowdoctor.rules;\nimport io.flowdoctor.diagnosis.*;\n";

    @TempDir
    Path workspace;

    private final RuleBaseCompiler compiler = new RuleBaseCompiler(getClass().getClassLoader());

    @Test
    void projectRulesCompileWithTheirIdsAndFiles() {
        RuleBase ruleBase = ProjectRuleBase.get();
        RuleRef manager = ruleBase.allRules().stream().filter(r -> r.ruleId().equals("O365U-001")).findFirst().orElseThrow();
        assertEquals("rules/connectors/office365users.drl", manager.file());
        assertEquals("Get manager fails with not found when the user has no manager", manager.rule());
        assertEquals(64, ruleBase.version().length());
    }

    @Test
    void aSyntaxErrorNamesTheFileAndTheLine() throws IOException {
        Path rules = rulesWith("broken.drl", HEADER + """
                rule "Half a rule"
                    @id("BROKEN-001")
                when
                    FailedAction(statusCode ==
                then
                end
                """);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(rules, knowledge()));
        RuleProblem problem = e.problems().get(0);
        assertEquals("rules/broken.drl", problem.file());
        assertTrue(problem.line() >= 6 && problem.line() <= 8, "line " + problem.line());
        assertTrue(e.getMessage().contains("rules/broken.drl:" + problem.line()), e.getMessage());
    }

    @Test
    void anUnknownFactTypeIsReported() throws IOException {
        Path rules = rulesWith("typo.drl", HEADER + """
                rule "Uses a type that does not exist"
                    @id("TYPO-001")
                when
                    FailedActoin(statusCode == 500)
                then
                end
                """);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(rules, knowledge()));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("rules/typo.drl") && p.message().contains("FailedActoin")),
                e.getMessage());
    }

    @Test
    void aRuleWithoutAnIdIsRefused() throws IOException {
        Path rules = rulesWith("anonymous.drl", HEADER + """
                rule "Has no id"
                when
                    FailedAction(statusCode == 500)
                then
                end
                """);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(rules, knowledge()));
        assertEquals("rule \"Has no id\" has no @id", e.problems().get(0).message());
    }

    @Test
    void aRepeatedIdIsRefused() throws IOException {
        Path rules = rulesWith("twice.drl", HEADER + """
                rule "First"
                    @id("SAME-001")
                when
                    FailedAction(statusCode == 500)
                then
                end
                rule "Second"
                    @id("SAME-001")
                when
                    FailedAction(statusCode == 502)
                then
                end
                """);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(rules, knowledge()));
        assertTrue(e.problems().get(0).message().contains("SAME-001"), e.getMessage());
    }

    @Test
    void aTipThatIsNotInTheKnowledgeBaseIsReportedWithItsLine() throws IOException {
        Path rules = rulesWith("tips.drl", HEADER + """
                rule "Names a tip nobody wrote"
                    @id("TIP-001")
                when
                    FailedAction(statusCode == 500)
                then
                    insertLogical(new Recommendation("nobody.wrote-this", 1));
                end
                """);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(rules, knowledge()));
        assertEquals(new RuleProblem("rules/tips.drl", 8, "tip 'nobody.wrote-this' is not in knowledge-base/tips"), e.problems().get(0));
    }

    @Test
    void aRuleThatDrawsAFindingWithoutEvidenceIsRefused() throws IOException {
        Path rules = rulesWith("generic/unsaid.drl", HEADER + """
                rule "Draws a finding nobody explained"
                    @id("UNSAID-001")
                when
                    FailedAction(statusCode == 500)
                then
                    insertLogical(new Finding(Category.TRANSIENT, Specificity.STATUS_CODE));
                end
                """);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(rules, knowledge()));
        assertEquals(new RuleProblem("rules/generic/unsaid.drl", 0,
                "rule UNSAID-001 draws a finding but has no evidence in knowledge-base/evidence/generic/unsaid.yaml"), e.problems().get(0));
    }

    @Test
    void aRuleThatClaimsMoreSpecificEvidenceThanItTestsIsRefused() throws IOException {
        Path rules = rulesWith("claims.drl", HEADER + """
                rule "Matches only text but claims an error code"
                    @id("CLAIM-001")
                when
                    FailedAction(text contains "went wrong")
                then
                    insertLogical(new Finding(Category.TRANSIENT, Specificity.ERROR_CODE));
                end
                """);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(rules, knowledge()));
        assertEquals(new RuleProblem("rules/claims.drl", 3, "rule \"Matches only text but claims an error code\" claims "
                + "Specificity.ERROR_CODE but its conditions do not test an error code (errorCode or Code)"), e.problems().get(0));
    }

    @Test
    void anAdviceRuleOutsideTheAdvicePhaseIsRefused() throws IOException {
        Path rules = rulesWith("advice.drl", HEADER + """
                rule "Advises on the primary finding without saying when"
                    @id("PHASE-001")
                when
                    PrimaryFinding(category == Category.TRANSIENT)
                then
                    insertLogical(ResubmitAdvice.of(Resubmit.NOW));
                end
                """);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(rules, knowledge()));
        assertEquals(new RuleProblem("rules/advice.drl", 3, "rule \"Advises on the primary finding without saying when\" "
                + "reasons on the primary finding, so it belongs to agenda-group \"advise\""), e.problems().get(0));
    }

    @Test
    void anEscalationReasonThatIsNotInTheKnowledgeBaseIsReported() throws IOException {
        Path rules = rulesWith("reasons.drl", HEADER + """
                rule "Names a reason nobody wrote"
                    @id("REASON-001")
                when
                    FailedAction(statusCode == 500)
                then
                    insertLogical(new Escalation(EscalationLevel.SUPPORT, "escalation.unwritten"));
                end
                """);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(rules, knowledge()));
        assertTrue(e.problems().get(0).message().contains("escalation.unwritten"), e.getMessage());
    }

    @Test
    void aTipMissingInDutchIsReported() throws IOException {
        Path knowledge = knowledge();
        Files.writeString(knowledge.resolve("tips/extra.yaml"), """
                extra.english-only:
                  en:
                    title: Only in English
                    whatHappened: Something.
                    steps: [Do it.]
                """);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(ProjectRuleBase.RULES, knowledge));
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("tip 'extra.english-only' (nl) is missing")),
                e.getMessage());
    }

    @Test
    void theVersionChangesWithAnyRuleOrKnowledgeFile() throws IOException {
        Path rules = rulesWith("one.drl", HEADER + """
                rule "One"
                    @id("ONE-001")
                when
                    FailedAction(statusCode == 500)
                then
                end
                """);
        Path knowledge = knowledge();
        String first = compiler.compile(rules, knowledge).version();
        assertEquals(first, compiler.compile(rules, knowledge).version());
        Files.writeString(knowledge.resolve("texts.yaml"), "\n# a comment\n", java.nio.file.StandardOpenOption.APPEND);
        assertNotEquals(first, compiler.compile(rules, knowledge).version());
    }

    private Path rulesWith(String name, String drl) throws IOException {
        Path rules = Files.createDirectories(workspace.resolve("rules"));
        Files.createDirectories(rules.resolve(name).getParent());
        Files.writeString(rules.resolve(name), drl);
        return rules;
    }

    /** A private copy of the project's knowledge base that a test may change. */
    private Path knowledge() {
        return TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
    }
}
