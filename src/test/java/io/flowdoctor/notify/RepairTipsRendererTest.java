package io.flowdoctor.notify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.flowdoctor.knowledge.KnowledgeBase;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.rulebase.ActiveRuleBase;
import io.quarkus.test.junit.QuarkusTest;

/** The sentence that introduces an escalation in the e-mail says who must act, per level and language. */
@QuarkusTest
class RepairTipsRendererTest {

    @Inject
    RepairTipsRenderer renderer;

    @Inject
    ActiveRuleBase ruleBase;

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "SELF_HELP, en, You can fix this yourself, more than the flow's owner",
            "SELF_HELP, nl, U kunt dit zelf oplossen, meer nodig dan de eigenaar",
            "RESOURCE_OWNER, en, The owner of the site, An administrator",
            "RESOURCE_OWNER, nl, De eigenaar van de site, Een beheerder",
            "ADMIN, en, An administrator of your environment or tenant must act, You can fix this yourself",
            "ADMIN, nl, Een beheerder van uw omgeving of tenant moet iets doen, U kunt dit zelf oplossen",
            "SUPPORT, en, This needs Microsoft support, You can fix this yourself",
            "SUPPORT, nl, Hiervoor is Microsoft-ondersteuning nodig, U kunt dit zelf oplossen" })
    void theEscalationSentenceFitsTheLevel(String level, String locale, String expected, String unexpected) {
        KnowledgeBase knowledge = ruleBase.current().knowledge();
        String reason = "The reason.";
        FailureNotice notice = new FailureNotice(UUID.randomUUID(), "flow-1", "Leave request", "Default-1", "owner@contoso.com",
                locale, "Title", "What happened.", List.of(new FailureNotice.Tip("Title", List.of("Step one."))),
                new FailureNotice.Escalation(level, reason, List.of()), 1, Instant.parse("2026-11-27T10:15:00Z"), null, null);

        RenderedEmail email = renderer.render(knowledge, notice, 0);

        String sentence = knowledge.text(RepairTipsRenderer.escalatedLabel(notice.escalation()),
                Language.resolve(locale, null));
        assertTrue(sentence.startsWith(expected), sentence);
        assertTrue(email.text().contains(sentence + " " + reason), email.text());
        assertFalse(email.text().contains(unexpected), email.text());
        assertFalse(email.html().contains(unexpected), email.html());
    }
}
