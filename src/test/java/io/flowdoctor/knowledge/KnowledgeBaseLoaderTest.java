package io.flowdoctor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class KnowledgeBaseLoaderTest {

    @TempDir
    Path workspace;

    private final KnowledgeBase knowledge = KnowledgeBaseLoader.load(ProjectRuleBase.KNOWLEDGE);

    @Test
    void everyTipHasTitleStepsAndWhatHappenedInEveryLanguage() {
        assertFalse(knowledge.tips().isEmpty());
        knowledge.tips().keySet().forEach(id -> {
            for (Language language : Language.values()) {
                TipText text = knowledge.tip(id, language);
                assertTrue(text != null && !text.title().isBlank() && !text.steps().isEmpty(), id + " " + language);
            }
        });
    }

    @Test
    void tipsDifferPerLanguage() {
        assertEquals("Give the user a manager in Microsoft Entra ID",
                knowledge.tip("office365users.set-manager", Language.EN).title());
        assertEquals("Geef de gebruiker een manager in Microsoft Entra ID",
                knowledge.tip("office365users.set-manager", Language.NL).title());
    }

    @Test
    void connectorsAreKnownByIdApiNameApiPathAndDisplayName() {
        assertEquals("office365users", knowledge.connectorId("office365users"));
        assertEquals("office365users", knowledge.connectorId("shared_office365users"));
        assertEquals("office365users", knowledge.connectorId("/providers/Microsoft.PowerApps/apis/shared_office365users"));
        assertEquals("office365users", knowledge.connectorId("Office 365 Users"));
        assertEquals("sharepointonline", knowledge.connectorId("SharePoint"));
        assertEquals("somethingnew", knowledge.connectorId("shared_SomethingNew"));
        assertEquals("", knowledge.connectorId(null));
    }

    @Test
    void everyCustomConnectorIsKnownAsCustom() {
        assertEquals("custom", knowledge
                .connectorId("/providers/Microsoft.PowerApps/apis/shared_contoso-5fcontoso-20stripe-20api-5f6a4f91c8025d1333"));
        assertEquals("custom", knowledge.connectorId("shared_contoso-5finvoices-5f0123456789abcdef"));
        assertEquals("custom", knowledge.connectorId("Custom connector"));
        assertEquals("contoso-5finvoices", knowledge.connectorId("shared_contoso-5finvoices"));
        assertEquals("contoso-5finvoices-5f0123", knowledge.connectorId("shared_contoso-5finvoices-5f0123"));
    }

    private static final String TIP = """
            extra.checked:
              source: knowledge-base/sources/platform/transient.md
              appliesTo:
                products: [power-automate]
              resubmit: safe
              docs:
                - url: https://learn.microsoft.com/en-us/power-automate/fix-flow-failures
                  verified: 2026-11-30
              title:
                en: Resubmit the run
                nl: Verzend de uitvoering opnieuw
              whatHappened:
                en: The service failed for a moment.
                nl: De service viel even uit.
              steps:
                - actor: maker
                  en: Open [ui:run-history] and select [ui:resubmit].
                  nl: Open [ui:run-history] en kies [ui:resubmit].
              verify:
                en: The run shows Succeeded.
                nl: De uitvoering staat op Geslaagd.
            """;

    private List<String> problemsOf(String tip) throws IOException {
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE,
                Files.createTempDirectory(workspace, "copy").resolve("knowledge-base"));
        Files.writeString(knowledge.resolve("tips/extra.yaml"), tip);
        return assertThrows(KnowledgeBaseException.class, () -> KnowledgeBaseLoader.load(knowledge)).problems();
    }

    @Test
    void aTipInTheFormatLoadsWithItsGlossaryTermsFilledInPerLanguage() throws IOException {
        Path copy = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        Files.writeString(copy.resolve("tips/extra.yaml"), TIP);

        KnowledgeBase loaded = KnowledgeBaseLoader.load(copy);

        Tip tip = loaded.tip("extra.checked");
        assertEquals(ResubmitSafety.SAFE, tip.resubmit());
        assertEquals(List.of(Product.POWER_AUTOMATE), tip.appliesTo().products());
        assertEquals(Actor.MAKER, tip.steps().get(0).actor());
        assertEquals(java.time.LocalDate.parse("2026-11-30"), tip.docs().get(0).verified());
        assertEquals(List.of("Open de uitvoeringsgeschiedenis (Mijn stromen > de stroom > Uitvoeringsgeschiedenis van 28 dagen)"
                + " en kies Opnieuw verzenden."), loaded.tip("extra.checked", Language.NL).steps());
        assertTrue(loaded.tip("extra.checked", Language.EN).steps().get(0).endsWith("and select Resubmit."));
    }

    @Test
    void aTipThatMissesAFieldNamesTheFieldTheLanguageAndTheLine() throws IOException {
        assertEquals(List.of("knowledge-base/tips/extra.yaml:16: tip 'extra.checked' steps[1] misses its text (nl)"),
                problemsOf(TIP.replace("      nl: Open [ui:run-history] en kies [ui:resubmit].\n", "")));
        assertEquals(List.of("knowledge-base/tips/extra.yaml:19: tip 'extra.checked' misses field 'verify' (nl)"),
                problemsOf(TIP.replace("    nl: De uitvoering staat op Geslaagd.\n", "")));
        assertEquals(List.of("knowledge-base/tips/extra.yaml:1: tip 'extra.checked' misses field 'source'"),
                problemsOf(TIP.replace("  source: knowledge-base/sources/platform/transient.md\n", "")));
    }

    @Test
    void aKeyWrittenTwiceIsRefusedWithItsLineInsteadOfKeepingTheLastText() throws IOException {
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE,
                Files.createTempDirectory(workspace, "copy").resolve("knowledge-base"));
        Files.writeString(knowledge.resolve("texts.yaml"), Files.readString(knowledge.resolve("texts.yaml"))
                + "escalation.none:\n  en: Written twice.\n  nl: Twee keer geschreven.\n");
        List<String> problems = assertThrows(KnowledgeBaseException.class, () -> KnowledgeBaseLoader.load(knowledge))
                .problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("knowledge-base/texts.yaml:") && problems.get(0).contains("'escalation.none'"),
                problems.get(0));
    }

    @Test
    void aValueOutsideItsListIsRefusedWithTheNearestAllowedValue() throws IOException {
        assertEquals(List.of("knowledge-base/tips/extra.yaml:16: tip 'extra.checked' field 'steps[1].actor': 'makr' is not"
                + " allowed; did you mean `maker`?; allowed: maker, flow-owner, resource-owner, environment-admin,"
                + " tenant-admin, support"), problemsOf(TIP.replace("actor: maker", "actor: makr")));
        assertEquals(List.of("knowledge-base/tips/extra.yaml:4: tip 'extra.checked' field 'appliesTo.products':"
                + " 'power-automat' is not allowed; did you mean `power-automate`?; allowed: power-automate,"
                + " logic-apps-consumption, logic-apps-standard"),
                problemsOf(TIP.replace("[power-automate]", "[power-automat]")));
    }

    @Test
    void checkFirstNeedsItsCheckAndOnlyCheckFirstHasOne() throws IOException {
        assertEquals(List.of("knowledge-base/tips/extra.yaml:5: tip 'extra.checked' misses field 'resubmitCheck':"
                + " a check-first tip says what to check before resubmitting"),
                problemsOf(TIP.replace("resubmit: safe", "resubmit: check-first")));
        assertEquals(List.of("knowledge-base/tips/extra.yaml:6: tip 'extra.checked' field 'resubmitCheck' belongs only to a"
                + " tip whose resubmit is check-first"),
                problemsOf(TIP.replace("  resubmit: safe\n", "  resubmit: safe\n  resubmitCheck: {en: a, nl: b}\n")));
    }

    @Test
    void aLinkMustBeHttpsWithAnIsoDate() throws IOException {
        assertEquals(List.of(
                "knowledge-base/tips/extra.yaml:7: tip 'extra.checked' docs[1].field 'url': 'http://learn.microsoft.com/x'"
                        + " is not an https URL",
                "knowledge-base/tips/extra.yaml:8: tip 'extra.checked' docs[1].field 'verified': '30-11-2026' is not an ISO"
                        + " date (yyyy-mm-dd)"),
                problemsOf(TIP.replace("https://learn.microsoft.com/en-us/power-automate/fix-flow-failures",
                        "http://learn.microsoft.com/x").replace("2026-11-30", "30-11-2026")));
    }

    @Test
    void aGlossaryReferenceMustResolve() throws IOException {
        assertEquals(List.of("knowledge-base/tips/extra.yaml:18: tip 'extra.checked' field 'steps[1]' (nl): [ui:resubmt] is"
                + " not in knowledge-base/glossary; did you mean `resubmit`?"),
                problemsOf(TIP.replace("en kies [ui:resubmit]", "en kies [ui:resubmt]")));
    }

    @Test
    void aMisspeltFieldOfATipNamesTheNearestField() throws IOException {
        assertEquals(List.of("knowledge-base/tips/extra.yaml:2: tip 'extra.checked' unknown field 'sourse'; did you mean"
                + " `source`? (allowed: appliesTo, docs, resubmit, resubmitCheck, source, steps, title, verify, wait,"
                + " whatHappened)", "knowledge-base/tips/extra.yaml:1: tip 'extra.checked' misses field 'source'"),
                problemsOf(TIP.replace("  source:", "  sourse:")));
    }

    @Test
    void aGlossaryKeyIsDefinedOnceOverAllFilesInEveryLanguage() throws IOException {
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        Files.writeString(knowledge.resolve("glossary/extra.yaml"), """
                run:
                  en: run
                  nl: uitvoering
                portal:
                  en: Azure portal
                """);

        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class, () -> KnowledgeBaseLoader.load(knowledge));

        assertEquals(List.of("knowledge-base/glossary/extra.yaml:1: glossary entry 'run' is defined already in"
                + " knowledge-base/glossary/designer.yaml",
                "knowledge-base/glossary/extra.yaml:4: glossary entry 'portal' misses field 'nl'"), e.problems());
    }

    @Test
    void aMissingDirectoryIsReported() {
        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class,
                () -> KnowledgeBaseLoader.load(Path.of("no-such-dir")));
        assertTrue(e.getMessage().contains("no-such-dir"), e.getMessage());
    }
}
