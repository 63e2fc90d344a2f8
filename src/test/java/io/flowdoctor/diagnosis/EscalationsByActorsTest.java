package io.flowdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.knowledge.Actor;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.knowledge.Precedence;
import io.flowdoctor.knowledge.Product;
import io.flowdoctor.knowledge.ResubmitSafety;
import io.flowdoctor.knowledge.Tip;

/** When no rule sets the escalation level, the actors of the first tip's steps for the product decide it. */
class EscalationsByActorsTest {

    private final Precedence precedence = ProjectRuleBase.get().knowledge().precedence();

    private static Tip.Step step(Actor actor, Product... products) {
        return new Tip.Step(actor, null, List.of(products), null, Map.of(Language.EN, "Do it.", Language.NL, "Doe het."));
    }

    private static Tip tip(Tip.Step... steps) {
        Map<Language, String> text = Map.of(Language.EN, "Text", Language.NL, "Tekst");
        return new Tip("x.y", "https://learn.microsoft.com/x",
                new Tip.AppliesTo(List.of(Product.POWER_AUTOMATE, Product.LOGIC_APPS_STANDARD), null, null),
                ResubmitSafety.SAFE, null,
                List.of(new Tip.DocLink("https://learn.microsoft.com/x", LocalDate.of(2026, 11, 30))),
                text, text, List.of(steps), text, null);
    }

    @Test
    void aStepForTheMakerAloneEscalatesNothing() {
        assertEquals(Optional.empty(), Escalations.byActors(tip(step(Actor.MAKER), step(Actor.FLOW_OWNER)), null, precedence));
    }

    @Test
    void theMostSeniorActorSetsTheLevel() {
        Tip tip = tip(step(Actor.MAKER), step(Actor.RESOURCE_OWNER), step(Actor.TENANT_ADMIN));
        assertEquals(EscalationLevel.ADMIN, Escalations.byActors(tip, null, precedence).orElseThrow().level());
        assertEquals(EscalationLevel.RESOURCE_OWNER,
                Escalations.byActors(tip(step(Actor.RESOURCE_OWNER)), null, precedence).orElseThrow().level());
    }

    @Test
    void aSupportStepDoesNotOpenASupportRequestByItself() {
        assertEquals(Optional.empty(), Escalations.byActors(tip(step(Actor.SUPPORT)), null, precedence));
    }

    @Test
    void onlyTheStepsForTheProductCount() {
        Tip tip = tip(step(Actor.MAKER), step(Actor.ENVIRONMENT_ADMIN, Product.LOGIC_APPS_STANDARD));
        assertEquals(Optional.empty(), Escalations.byActors(tip, Product.POWER_AUTOMATE, precedence));
        assertEquals(EscalationLevel.ADMIN,
                Escalations.byActors(tip, Product.LOGIC_APPS_STANDARD, precedence).orElseThrow().level());
        assertEquals(1, tip.steps(Product.POWER_AUTOMATE).size());
        assertEquals(2, tip.steps(null).size());
        assertEquals(false, tip.appliesTo(Product.LOGIC_APPS_CONSUMPTION));
    }
}
