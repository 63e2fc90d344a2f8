package io.flowdoctor.rulebase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.TestFiles;
import io.flowdoctor.diagnosis.Category;
import io.flowdoctor.diagnosis.Code;
import io.flowdoctor.diagnosis.Escalation;
import io.flowdoctor.diagnosis.EscalationLevel;
import io.flowdoctor.diagnosis.Finding;
import io.flowdoctor.diagnosis.Recommendation;
import io.flowdoctor.diagnosis.Resubmit;
import io.flowdoctor.diagnosis.ResubmitAdvice;
import io.flowdoctor.diagnosis.Specificity;

class RuleBaseCompilerTest {

    private static final String HEADER = "package io.flowdoctor.rules;\nimport io.flowdoctor.diagnosis.*;\n";

    /** A decision table in the form of rules/codes/: rows from row 10 on, one rule each. */
    private static final String TABLE = """
            RuleSet,io.flowdoctor.rules,,,,,
            Import,io.flowdoctor.diagnosis.*,,,,,
            Notes,A table for the compiler test,,,,,
            ,,,,,,
            RuleTable Sample codes,,,,,,
            NAME,METADATA,CONDITION,ACTION,ACTION,ACTION,ACTION
            ,,Code,,,,
            ,"id(""$param"")","forall(||){value == ""$""}","insertLogical(new Finding(Category.$param, Specificity.ERROR_CODE));",\
            "insertLogical(new Recommendation(""$param"", 1));","insertLogical(ResubmitAdvice.of(Resubmit.$param));",\
            "insertLogical(new Escalation(EscalationLevel.$1, ""$2""));"
            Rule name,Id,Error code,Category,Tip,Resubmit,"Escalation (level, reason)"
            A SampleBusy code is a temporary failure,SAMPLE-001,"samplebusy, sampleoverloaded",TRANSIENT,transient.resubmit,AUTOMATIC,
            A SampleDenied code is a missing permission,SAMPLE-002,sampledenied,%s,permissions.get-access,AFTER_FIX,"ADMIN, escalation.admin-must-act"
            """;

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
        assertTrue(
                e.problems().stream().anyMatch(p -> p.file().equals("rules/typo.drl") && p.message().contains("FailedActoin")),
                e.getMessage());
    }

    @Test
    void aMisspeltFieldNamesTheNearestFieldOfTheFact() throws IOException {
        Path rules = rulesWith("fields.drl", HEADER + """
                rule "Reads a field that does not exist"
                    @id("FIELD-001")
                when
                    FailedAction(txt contains "no manager found")
                then
                end
                """);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(rules, knowledge()));
        assertEquals(new RuleProblem("rules/fields.drl", 6, "FailedAction has no field `txt`; did you mean `text`?"
                + " (fields of FailedAction: name, connector, operation, statusCode, errorCode, text, retryAfterSeconds)"
                + " in: txt contains \"no manager found\""), e.problems().get(0));
    }

    @Test
    void aValueThatIsNotAllowedListsTheAllowedValues() throws IOException {
        Path rules = rulesWith("values.drl", HEADER + """
                rule "Concludes a category that does not exist"
                    @id("VALUE-001")
                when
                    FailedAction(statusCode == 500)
                then
                    insertLogical(new Finding(Category.TRANSIENTT, Specificity.STATUS_CODE));
                end
                """);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(rules, knowledge()));
        assertEquals(new RuleProblem("rules/values.drl", 8, "`Category.TRANSIENTT` is not allowed; did you mean `TRANSIENT`?"
                + " (allowed values of Category: LICENSING_OR_PERMISSION, AUTHENTICATION, CONNECTOR_LIMIT, THROTTLING,"
                + " TIMEOUT, EXPRESSION, DATA, ACTION_CONFIGURATION, TRANSIENT, UNKNOWN)"), e.problems().get(0));
    }

    @Test
    void aMisspeltFactTypeNamesTheNearestFactType() throws IOException {
        Path rules = rulesWith("types.drl", HEADER + """
                rule "Matches a fact type that does not exist"
                    @id("TYPE-001")
                when
                    FailedAction(statusCode == 500)
                    Signl(name == "timed-out")
                then
                end
                rule "Matches a signal"
                    @id("TYPE-002")
                when
                    Signal(name == "timed-out")
                then
                end
                """);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(rules, knowledge()));
        RuleProblem problem = e.problems().stream().filter(p -> p.message().contains("Signl")).findFirst()
                .orElseThrow(() -> new AssertionError(e.getMessage()));
        assertTrue(problem.message().startsWith("there is no fact type `Signl`; did you mean `Signal`?"), problem.toString());
    }

    @Test
    void aSignalTheLexiconDoesNotProduceIsRefusedWithTheNearestOne() throws IOException {
        Path rules = rulesWith("signals.drl", HEADER + """
                rule "Matches a signal nobody wrote"
                    @id("SIGNAL-001")
                when
                    Signal(name in ("timed-out", "permision-denied"))
                then
                end
                """);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(rules, knowledge()));
        assertEquals(new RuleProblem("rules/signals.drl", 6, "signal \"permision-denied\" is not in knowledge-base/lexicon;"
                + " did you mean `permission-denied`? (a rule can only match a signal some phrase of the lexicon produces)"),
                e.problems().get(0));
    }

    @Test
    void aMisspeltTableValueIsReportedAtItsRowWithTheAllowedValues() throws IOException {
        Path rules = rulesWith("codes/sample.drl.csv",
                TABLE.formatted("LICENSING_OR_PERMISSION").replace(",AUTOMATIC,", ",AUTOMATC,"));
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(rules, knowledge()));
        assertEquals(new RuleProblem("rules/codes/sample.drl.csv", 10, "row 10: `Resubmit.AUTOMATC` is not allowed;"
                + " did you mean `AUTOMATIC`? (allowed values of Resubmit: NOW, AUTOMATIC, AFTER_FIX, NOT_ADVISED)"),
                e.problems().get(0));
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
        assertEquals(new RuleProblem("rules/tips.drl", 8, "tip 'nobody.wrote-this' is not in knowledge-base/tips"),
                e.problems().get(0));
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
                "rule UNSAID-001 draws a finding but has no evidence in knowledge-base/evidence/generic/unsaid.yaml"),
                e.problems().get(0));
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
                + "Specificity.ERROR_CODE but its conditions do not test an error code (errorCode or Code)"),
                e.problems().get(0));
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
                + "reasons on the primary finding, so it belongs to ruleflow-group \"advise\""), e.problems().get(0));
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
                  source: https://learn.microsoft.com/en-us/power-automate/fix-flow-failures
                  appliesTo: {products: [power-automate]}
                  resubmit: safe
                  docs: [{url: "https://learn.microsoft.com/en-us/power-automate/fix-flow-failures", verified: 2026-11-30}]
                  title: {en: Only in English}
                  whatHappened: {en: Something., nl: Iets.}
                  steps: [{actor: maker, en: Do it., nl: Doe het.}]
                  verify: {en: It works., nl: Het werkt.}
                """);
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(ProjectRuleBase.RULES, knowledge));
        assertTrue(
                e.problems().stream().anyMatch(p -> p.message().contains("tip 'extra.english-only' misses field 'title' (nl)")),
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

    @Test
    void aDecisionTableCompilesOneRuleARowThatFiresOnItsCodes() throws IOException {
        Path rules = rulesWith("codes/sample.drl.csv", TABLE.formatted("LICENSING_OR_PERMISSION"));
        Path knowledge = knowledge();
        Files.createDirectories(knowledge.resolve("evidence/codes"));
        Files.writeString(knowledge.resolve("evidence/codes/sample.yaml"), """
                SAMPLE-001: {en: 'error code SampleBusy', nl: 'foutcode SampleBusy'}
                SAMPLE-002: {en: 'error code SampleDenied', nl: 'foutcode SampleDenied'}
                """);
        RuleBase ruleBase = compiler.compile(rules, knowledge);

        RuleRef denied = ruleBase.allRules().stream().filter(r -> r.ruleId().equals("SAMPLE-002")).findFirst().orElseThrow();
        assertEquals("rules/codes/sample.drl.csv", denied.file());
        assertEquals("A SampleDenied code is a missing permission", denied.rule());
        assertEquals("codes/sample", ruleBase.outlines().get("SAMPLE-002").family());
        assertEquals(List.of("permissions.get-access"), ruleBase.outlines().get("SAMPLE-002").tips());

        Evaluation busy = ruleBase.evaluate(List.of(new Code("sampleoverloaded")));
        assertEquals(List.of(new Finding(Category.TRANSIENT, Specificity.ERROR_CODE)), facts(busy, Finding.class));
        assertEquals(List.of(new Recommendation("transient.resubmit", 1)), facts(busy, Recommendation.class));
        assertEquals(List.of(ResubmitAdvice.of(Resubmit.AUTOMATIC)), facts(busy, ResubmitAdvice.class));
        assertEquals(List.of(), facts(busy, Escalation.class), "an empty cell leaves its action out");

        Evaluation denial = ruleBase.evaluate(List.of(new Code("sampledenied")));
        assertEquals(List.of(new Escalation(EscalationLevel.ADMIN, "escalation.admin-must-act")),
                facts(denial, Escalation.class));
        assertEquals(List.of("SAMPLE-002"), denial.firedRules().stream().map(RuleRef::ruleId).toList());

        assertEquals(List.of(), ruleBase.evaluate(List.of(new Code("samplebusyer"))).firedRules());
    }

    @Test
    void aDecisionTableErrorNamesTheTableAndItsRow() throws IOException {
        Path rules = rulesWith("codes/sample.drl.csv", TABLE.formatted("LICENCE_OR_PERMISSION"));
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(rules, knowledge()));
        RuleProblem problem = e.problems().stream().filter(p -> p.file().equals("rules/codes/sample.drl.csv"))
                .findFirst().orElseThrow(() -> new AssertionError(e.getMessage()));
        assertEquals(11, problem.line(), problem.toString());
        assertTrue(problem.message().startsWith("row 11: "), problem.message());
        assertTrue(e.getMessage().contains("rules/codes/sample.drl.csv:11"), e.getMessage());
    }

    @Test
    void aTipATableRowNamesThatIsNotInTheKnowledgeBaseIsReportedAtItsRow() throws IOException {
        Path rules = rulesWith("codes/sample.drl.csv",
                TABLE.formatted("LICENSING_OR_PERMISSION").replace("permissions.get-access", "nobody.wrote-this"));
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> compiler.compile(rules, knowledge()));
        assertEquals(new RuleProblem("rules/codes/sample.drl.csv", 11,
                "row 11: tip 'nobody.wrote-this' is not in knowledge-base/tips"), e.problems().get(0));
    }

    /** Drools keeps the DRL of a table by its path; an edited table at the same path must still be compiled anew. */
    @Test
    void anEditedDecisionTableIsCompiledAnew() throws IOException {
        Path rules = rulesWith("codes/sample.drl.csv", TABLE.formatted("LICENSING_OR_PERMISSION"));
        Path knowledge = knowledge();
        Files.createDirectories(knowledge.resolve("evidence/codes"));
        Files.writeString(knowledge.resolve("evidence/codes/sample.yaml"), """
                SAMPLE-001: {en: 'error code SampleBusy', nl: 'foutcode SampleBusy'}
                SAMPLE-002: {en: 'error code SampleDenied', nl: 'foutcode SampleDenied'}
                """);
        compiler.compile(rules, knowledge);
        TestFiles.replace(rules.resolve("codes/sample.drl.csv"), "\"samplebusy, sampleoverloaded\"", "samplebusy");

        RuleBase edited = compiler.compile(rules, knowledge);

        assertEquals(List.of(), edited.evaluate(List.of(new Code("sampleoverloaded"))).firedRules());
    }

    private static <T> List<T> facts(Evaluation evaluation, Class<T> type) {
        return evaluation.all(type).stream().map(Derived::fact).distinct().toList();
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
