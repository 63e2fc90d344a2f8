package io.flowdoctor.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.TestFiles;
import io.flowdoctor.diagnosis.Category;
import io.flowdoctor.diagnosis.Diagnoser;
import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.diagnosis.FailureHistory;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.rulebase.EvaluationBounds;
import io.flowdoctor.rulebase.RuleBaseCompiler;
import io.flowdoctor.rulebase.RuleProblem;
import io.flowdoctor.scenario.ScenarioFailure;

class RuleBaseCheckTest {

    @TempDir
    Path workspace;

    @Test
    void theProjectsRulesPassTheGate() {
        var ruleBase = RuleBaseCheck.compileAndCheck(ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE,
                getClass().getClassLoader());
        assertEquals(ProjectRuleBase.get().version(), ruleBase.version());
    }

    @Test
    void aRuleBaseReadFromItsCompiledFormIsProvedOnItsFirstScenario() {
        assertTrue(RuleBaseCheck.answersItsFirstScenario(ProjectRuleBase.get(), ProjectRuleBase.KNOWLEDGE));

        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        // The first case of the first file (in path order) expects self-help.
        TestFiles.replace(knowledge.resolve("scenarios/advice/escalation.yaml"),
                "      escalation: SELF_HELP\n      fired: [ESCALATION-003]",
                "      escalation: SUPPORT\n      fired: [ESCALATION-003]");
        assertFalse(RuleBaseCheck.answersItsFirstScenario(ProjectRuleBase.get(), knowledge),
                "a first case that no longer holds refuses the read");
    }

    @Test
    void aPrecedenceTableThatLeavesAValueOutIsRejected() {
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        TestFiles.replace(knowledge.resolve("precedence.yaml"), "MESSAGE_TEXT, SIGNAL,", "MESSAGE_TEXT,");

        RuleBaseRejected e = assertThrows(RuleBaseRejected.class,
                () -> RuleBaseCheck.compileAndCheck(ProjectRuleBase.RULES, knowledge, getClass().getClassLoader()));

        assertEquals("knowledge-base/precedence.yaml: specificity: SIGNAL is not ranked",
                e.rejection().problems().get(0).toString());
    }

    @Test
    void thePrecedenceTableDecidesBetweenEquallySpecificFindings() {
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        RunReport run = new RunReport("flow-1", null, null, null, Instant.parse("2026-11-27T10:00:00Z"), null, List.of(
                new RunReport.ReportedAction("Call", "Failed", null, null, null, null,
                        "The item has been modified by another user and is too large to upload.")));
        Diagnosis before = Diagnoser.diagnose(
                RuleBaseCheck.compileAndCheck(ProjectRuleBase.RULES, knowledge, getClass().getClassLoader()),
                run, Language.EN, FailureHistory.first(run.failedAt()), Diagnoser.Options.plain());
        TestFiles.replace(knowledge.resolve("precedence.yaml"), "CONNECTOR_LIMIT, THROTTLING", "THROTTLING");
        TestFiles.replace(knowledge.resolve("precedence.yaml"), "TRANSIENT, UNKNOWN", "TRANSIENT, CONNECTOR_LIMIT, UNKNOWN");

        Diagnosis after = Diagnoser.diagnose(
                new RuleBaseCompiler(getClass().getClassLoader()).compile(ProjectRuleBase.RULES, knowledge),
                run, Language.EN, FailureHistory.first(run.failedAt()), Diagnoser.Options.plain());

        assertEquals(Category.CONNECTOR_LIMIT, before.category());
        assertEquals(Category.TRANSIENT, after.category());
    }

    @Test
    void aRuleThatBreaksAScenarioIsRejectedWithTheScenarioExpectedAndActual() {
        Path rules = TestFiles.copyTree(ProjectRuleBase.RULES, workspace.resolve("rules"));
        TestFiles.replace(rules.resolve("codes/http-status.drl.csv"), "STATUS-004,429,", "STATUS-004,430,");

        RuleBaseRejected e = assertThrows(RuleBaseRejected.class,
                () -> RuleBaseCheck.compileAndCheck(rules, ProjectRuleBase.KNOWLEDGE, getClass().getClassLoader()));

        ScenarioFailure failure = e.rejection().scenarioFailures().stream()
                .filter(f -> f.scenario().equals("A bare 429 is throttling"))
                .findFirst().orElseThrow();
        assertEquals("knowledge-base/scenarios/codes/http-status.yaml", failure.file());
        assertTrue(failure.mismatches().stream().anyMatch(m -> m.field().equals("category")
                && m.expected().equals("THROTTLING") && m.actual().equals("UNKNOWN")), failure.toString());
        assertTrue(e.rejection().problems().isEmpty());
    }

    @Test
    void aRuleThatDoesNotCompileIsRejectedWithFileAndLine() {
        Path rules = TestFiles.copyTree(ProjectRuleBase.RULES, workspace.resolve("rules"));
        TestFiles.replace(rules.resolve("platform/throttling.drl"),
                "FailedAction(errorCode == \"flowrunquotaexceeded\")", "FailedAction(errorCode == )");

        RuleBaseRejected e = assertThrows(RuleBaseRejected.class,
                () -> RuleBaseCheck.compileAndCheck(rules, ProjectRuleBase.KNOWLEDGE, getClass().getClassLoader()));

        assertTrue(e.rejection().problems().stream()
                .anyMatch(p -> p.file().equals("rules/platform/throttling.drl") && p.line() > 0), e.getMessage());
        assertTrue(e.rejection().scenarioFailures().isEmpty());
    }

    @Test
    void aRuleThatNeverStopsIsRejectedWithTheRuleNamedEvenWhenNoScenarioReachesIt() throws IOException {
        Path rules = TestFiles.copyTree(ProjectRuleBase.RULES, workspace.resolve("rules"));
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        Files.writeString(rules.resolve("connectors/ftp.drl"), """

                rule "A failed FTP listing keeps finding more"
                    @id("FTP-099")
                when
                    FailedAction(connector == "ftp", operation == "looplisting", statusCode == 404)
                    Finding()
                then
                    insert(new Finding(Category.DATA, Specificity.CONNECTOR));
                end
                """, StandardOpenOption.APPEND);
        Files.writeString(knowledge.resolve("evidence/connectors/ftp.yaml"), """
                FTP-099:
                  en: 'a listing that failed'
                  nl: 'een mislukte lijst'
                """, StandardOpenOption.APPEND);
        long started = System.nanoTime();

        RuleBaseRejected e = assertThrows(RuleBaseRejected.class, () -> RuleBaseCheck.compileAndCheck(rules, knowledge,
                getClass().getClassLoader(), new EvaluationBounds(1000, Duration.ofSeconds(5))));

        RuleProblem problem = e.rejection().problems().get(0);
        assertEquals("rules/connectors/ftp.drl", problem.file());
        assertTrue(problem.message().startsWith("rule \"A failed FTP listing keeps finding more\" (FTP-099) does not stop"),
                problem.message());
        assertTrue(problem.message().contains("the conditions of rule FTP-099"), problem.message());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(60)) < 0);
    }

    @Test
    void theProbesOfARuleCarryTheLiteralsOfItsConditions() {
        var literals = TerminationProbes.literals(
                "FailedAction(connector == \"ftp\", statusCode in (404, 410), text contains \"no such file\") "
                        + "Signal(name in (\"not-found\", \"gone\")) FailureHistory(failuresInLastHour >= 5)");

        assertEquals(List.of("ftp"), literals.get("connector"));
        assertEquals(List.of("404", "410"), literals.get("statusCode"));
        assertEquals(List.of("no such file"), literals.get("text"));
        assertEquals(List.of("not-found", "gone"), literals.get("name"));
        assertEquals(List.of("5"), literals.get("failuresInLastHour"));
    }

    @Test
    void anEmailTemplateThatDoesNotParseIsRejectedWithItsFile() {
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        TestFiles.replace(knowledge.resolve("email/repair-tips.html"), "{/if}", "");

        RuleBaseRejected e = assertThrows(RuleBaseRejected.class,
                () -> RuleBaseCheck.compileAndCheck(ProjectRuleBase.RULES, knowledge, getClass().getClassLoader()));

        RuleProblem problem = e.rejection().problems().get(0);
        assertEquals("knowledge-base/email/repair-tips.html", problem.file());
        assertEquals("Parser error: section end tag [for] does not match the start tag [if]", problem.message());
    }

    @Test
    void anEmailTemplateThatNamesWhatTheEmailDoesNotHaveIsRejected() {
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        TestFiles.replace(knowledge.resolve("email/repair-tips.txt"), "{tip.title}", "{tip.titel}");

        RuleBaseRejected e = assertThrows(RuleBaseRejected.class,
                () -> RuleBaseCheck.compileAndCheck(ProjectRuleBase.RULES, knowledge, getClass().getClassLoader()));

        RuleProblem problem = e.rejection().problems().get(0);
        assertEquals("knowledge-base/email", problem.file());
        assertTrue(problem.message().startsWith("the repair-tips e-mail (en) cannot be rendered:")
                && problem.message().contains("titel"), problem.message());
    }

    @Test
    void aTextWithAnUnknownPlaceholderIsRejectedWithItsFileAndLanguage() {
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        TestFiles.replace(knowledge.resolve("evidence/connectors/ftp.yaml"), "FTP 550 file unavailable",
                "FTP 550 file unavailable ({stauts})");

        RuleBaseRejected e = assertThrows(RuleBaseRejected.class,
                () -> RuleBaseCheck.compileAndCheck(ProjectRuleBase.RULES, knowledge, getClass().getClassLoader()));

        assertEquals("knowledge-base/evidence/connectors/ftp.yaml: evidence of FTP-002 (en): unknown placeholder "
                + "{stauts}; known here: {code}, {phrase}, {signal}, {status}", e.rejection().problems().get(0).toString());
    }

    @Test
    void aKnowledgeBaseFileWithoutARequiredFieldIsRejectedNamingIt() throws IOException {
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        Path support = knowledge.resolve("support.yaml");
        Files.writeString(support, Files.readString(support).replaceFirst("(?s)\nlinks:.*?\n(?=# The \"Problem type\")", "\n"));

        RuleBaseRejected e = assertThrows(RuleBaseRejected.class,
                () -> RuleBaseCheck.compileAndCheck(ProjectRuleBase.RULES, knowledge, getClass().getClassLoader()));

        assertTrue(
                e.rejection().problems().stream().map(RuleProblem::toString)
                        .anyMatch("knowledge-base/support.yaml: missing 'links'"::equals),
                e.getMessage());
    }
}
