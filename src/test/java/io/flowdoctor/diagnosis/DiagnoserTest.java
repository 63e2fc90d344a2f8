package io.flowdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.rulebase.RuleBase;

/** What the diagnosis writes from the rules' conclusions: evidence in the answer's language, and why it escalated or not. */
class DiagnoserTest {

    private static final Instant FAILED_AT = Instant.parse("2026-11-27T10:15:00Z");
    private final RuleBase ruleBase = ProjectRuleBase.get();

    @Test
    void evidenceIsWrittenInTheAnswersLanguage() {
        RunReport run = run(new RunReport.ReportedAction("Get manager (V2)", "Failed", "office365users", "Manager_V2", 404,
                "ResourceNotFound", "No manager found for the specified user."));

        Diagnosis english = Diagnoser.diagnose(ruleBase, run, Language.EN, FailureHistory.first(FAILED_AT),
                Diagnoser.Options.plain());
        Diagnosis dutch = Diagnoser.diagnose(ruleBase, run, Language.NL, FailureHistory.first(FAILED_AT),
                Diagnoser.Options.plain());

        String ruleId = english.findings().get(0).ruleId();
        assertEquals(ruleBase.knowledge().evidence(ruleId, Language.NL), dutch.findings().get(0).evidence());
        assertNotEquals(english.findings().get(0).evidence(), dutch.findings().get(0).evidence());
    }

    @Test
    void aSignalReadInTheErrorCodeSaysSoInTheAnswersLanguage() {
        RunReport run = run(new RunReport.ReportedAction("Get secret", "Failed", "keyvault", null, null, "CertificateExpired",
                "Controllare la data di scadenza e il periodo di validità del certificato."));

        Diagnosis dutch = Diagnoser.diagnose(ruleBase, run, Language.NL, FailureHistory.first(FAILED_AT),
                Diagnoser.Options.plain());

        assertEquals("SIG-006", dutch.findings().get(0).ruleId());
        String evidence = dutch.findings().get(0).evidence();
        assertTrue(evidence.contains("'certificate ... expired'"), evidence);
        assertTrue(evidence.endsWith(ruleBase.knowledge().text("evidence.in-error-code", Language.NL)), evidence);
    }

    @Test
    void theErrorCodesWordsAreReadOnlyWhenNothingButAStatusExplainsTheFailure() {
        // A code table explains InternalError: its words (an internal error) are not read.
        RunReport byTable = run(new RunReport.ReportedAction("Create blob", "Failed", "azureblob", null, 500,
                "InternalError", null));
        // Nothing explains this one but its code.
        RunReport byWords = run(new RunReport.ReportedAction("Get secret", "Failed", "keyvault", null, null,
                "CertificateExpired", "Si è verificato un errore. Contattare il supporto."));

        Diagnosis table = Diagnoser.diagnose(ruleBase, byTable, Language.EN, FailureHistory.first(FAILED_AT),
                Diagnoser.Options.plain());
        Diagnosis words = Diagnoser.diagnose(ruleBase, byWords, Language.EN, FailureHistory.first(FAILED_AT),
                Diagnoser.Options.plain());

        assertEquals(Category.TRANSIENT, table.category());
        assertTrue(table.findings().stream().noneMatch(finding -> "SIG-044".equals(finding.ruleId())),
                table.findings().toString());
        assertEquals(Category.AUTHENTICATION, words.category());
        assertEquals("SIG-006", words.findings().get(0).ruleId());
    }

    @Test
    void aSignalsEvidenceNamesThePhraseThatProducedIt() {
        RunReport run = run(new RunReport.ReportedAction("Item ophalen", "Failed", null, null, 403, null,
                "Toegang geweigerd: u hebt geen machtiging voor deze lijst."));

        Diagnosis dutch = Diagnoser.diagnose(ruleBase, run, Language.NL, FailureHistory.first(FAILED_AT),
                Diagnoser.Options.plain());

        assertEquals("SIG-001", dutch.findings().get(0).ruleId());
        assertTrue(dutch.findings().get(0).evidence().contains("'geen machtiging*'"), dutch.findings().get(0).evidence());
    }

    @Test
    void theAnswerSaysWhyNobodyElseNeedsToAct() {
        RunReport run = run(new RunReport.ReportedAction("HTTP", "Failed", "http", null, 502, null, "Bad Gateway"));

        Diagnosis answer = Diagnoser.diagnose(ruleBase, run, Language.EN, FailureHistory.first(FAILED_AT),
                Diagnoser.Options.plain());

        assertEquals(EscalationLevel.NONE, answer.escalation().level());
        assertEquals(ruleBase.knowledge().text("escalation.none", Language.EN), answer.escalation().reason());
    }

    @Test
    void noResubmitLinkIsGivenWhenResubmittingWouldRepeatASideEffect() {
        RunReport.ReportedAction sent = new RunReport.ReportedAction("Send an email (V2)", "Succeeded", "office365",
                "SendEmailV2",
                null, null, null);
        RunReport.ReportedAction failed = new RunReport.ReportedAction("Get manager (V2)", "Failed", "office365users",
                "Manager_V2",
                404, null, "No manager found for the specified user.");
        Diagnoser.Options withLink = new Diagnoser.Options(UUID.randomUUID(), "https://example.test/resubmit", false);

        Diagnosis afterSideEffect = Diagnoser.diagnose(ruleBase,
                new RunReport("flow-1", null, null, "run-1", FAILED_AT, null, List.of(sent, failed)),
                Language.EN, FailureHistory.first(FAILED_AT), withLink);
        Diagnosis alone = Diagnoser.diagnose(ruleBase, run(failed), Language.EN, FailureHistory.first(FAILED_AT), withLink);
        Diagnosis temporary = Diagnoser.diagnose(ruleBase,
                run(new RunReport.ReportedAction("Get manager (V2)", "Failed", "office365users", "Manager_V2", 503, null,
                        "Service Unavailable")),
                Language.EN, FailureHistory.first(FAILED_AT), withLink);

        assertEquals(Resubmit.NOT_ADVISED, afterSideEffect.resubmit().advice());
        assertEquals(null, afterSideEffect.repairTips().troubleshootingTips().resubmitUrl());
        // Alone, resubmitting is safe once the manager is set: the link is given.
        assertEquals("safe", alone.recommendations().get(0).resubmitSafety());
        assertEquals("https://example.test/resubmit", alone.repairTips().troubleshootingTips().resubmitUrl());
        // A temporary failure may have been processed before the answer was lost: its tip asks for a check first.
        assertEquals("check-first", temporary.recommendations().get(0).resubmitSafety());
        assertEquals(null, temporary.repairTips().troubleshootingTips().resubmitUrl());
    }

    private static RunReport run(RunReport.ReportedAction action) {
        return new RunReport("flow-1", "Leave request", "Default-1", "run-1", FAILED_AT, null, List.of(action));
    }
}
