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
        knowledge.tips().forEach((id, texts) -> {
            for (Language language : Language.values()) {
                TipText text = texts.get(language);
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

    @Test
    void aTipThatMissesAFieldNamesTheFieldTheLanguageAndTheLine() throws IOException {
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        Files.writeString(knowledge.resolve("tips/extra.yaml"), """
                extra.half-written:
                  en:
                    title: Half written
                    whatHappened: Something.
                    steps: [Do it.]
                  nl:
                    title: Half geschreven
                    whatHappened: Iets.
                """);

        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class, () -> KnowledgeBaseLoader.load(knowledge));

        assertEquals(List.of("knowledge-base/tips/extra.yaml:1: tip 'extra.half-written' misses field 'steps' (nl):"
                + " at least one step, none empty"), e.problems());
    }

    @Test
    void aMisspeltFieldOfATipNamesTheNearestField() throws IOException {
        Path knowledge = TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, workspace.resolve("knowledge-base"));
        Files.writeString(knowledge.resolve("tips/extra.yaml"), """
                extra.misspelt:
                  en:
                    title: Misspelt
                    whatHapened: Something.
                    steps: [Do it.]
                """);

        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class, () -> KnowledgeBaseLoader.load(knowledge));

        assertEquals(List.of("knowledge-base/tips/extra.yaml:4: unknown field 'whatHapened'; did you mean `whatHappened`?"
                + " (allowed: steps, title, whatHappened)"), e.problems());
    }

    @Test
    void aMissingDirectoryIsReported() {
        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class,
                () -> KnowledgeBaseLoader.load(Path.of("no-such-dir")));
        assertTrue(e.getMessage().contains("no-such-dir"), e.getMessage());
    }
}
