package io.flowdoctor.conventions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.conventions.Conventions.Part;
import io.flowdoctor.knowledge.Glossary;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.rulebase.RuleProblem;

/** Dutch tips, evidence and e-mail texts use the Dutch interface's words, not the English terms the glossary translates. */
class DutchWordingTest {

    @TempDir
    Path workspace;

    private final Glossary glossary = ProjectRuleBase.get().knowledge().glossary();

    @Test
    void noDutchTextOfTheKnowledgeBaseUsesAnEnglishInterfaceTerm() {
        assertEquals(List.of(), Conventions.problems(Part.DUTCH_WORDING, ProjectRuleBase.RULES, ProjectRuleBase.KNOWLEDGE,
                null, ProjectRuleBase.get()));
    }

    @Test
    void englishInterfaceTermsAreFoundAsWholeWordsWhateverTheirCase() {
        assertEquals(List.of("run", "Compose"), glossary.englishTermsIn("Open de Run en kijk naar de stap Compose."));
        assertEquals(List.of("runs", "Apply to each"), glossary.englishTermsIn("Alle runs van de lus Apply to each."));
        assertEquals(List.of(), glossary.englishTermsIn("De uitvoering runt niet; gebruik Opstellen en Testen."));
        assertEquals(List.of(), glossary.englishTermsIn("Open [ui:run-history] en kies [ui:resubmit]."));
    }

    @Test
    void aDutchTipSayingRunIsRefusedAtItsLine() throws IOException {
        Path knowledge = workspace.resolve("knowledge-base");
        Files.createDirectories(knowledge.resolve("tips/platform"));
        Files.writeString(knowledge.resolve("tips/platform/transient.yaml"), """
                transient.resubmit:
                  title:
                    en: Resubmit the run
                    nl: Verzend de run opnieuw
                  steps:
                    - actor: maker
                      en: Select Resubmit.
                      nl: Kies [ui:resubmit] in de Scope.
                """);

        List<RuleProblem> problems = DutchWording.problems(knowledge, glossary);

        assertEquals(List.of("knowledge-base/tips/platform/transient.yaml:4", "knowledge-base/tips/platform/transient.yaml:8"),
                problems.stream().map(p -> p.file() + ":" + p.line()).toList());
        assertEquals("Dutch text uses the English interface term 'run'; write the Dutch interface's word (see"
                + " knowledge-base/glossary, e.g. uitvoering for run) or refer to the glossary as [ui:<key>]",
                problems.get(0).message());
        assertEquals("Opnieuw verzenden", glossary.render("[ui:resubmit]", Language.NL));
    }
}
