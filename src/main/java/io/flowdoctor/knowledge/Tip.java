package io.flowdoctor.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One tip as knowledge-base/tips/ holds it: what does not depend on the language (its source, the products it applies
 * to, whether resubmitting is safe, its Microsoft Learn links, who acts in each step) beside its texts in every
 * language. Texts keep their glossary references ({@code [ui:run-history]}); {@link KnowledgeBase#tip(String, Language)}
 * gives them filled in.
 *
 * @param source a file under knowledge-base/sources/ or an https URL
 * @param resubmitCheck what to check before resubmitting; only for {@link ResubmitSafety#CHECK_FIRST}, else empty
 * @param expectedWait the field {@code wait}: the expected wait before the fix takes effect; empty when there is none
 */
public record Tip(String id, String source, AppliesTo appliesTo, ResubmitSafety resubmit, Map<Language, String> resubmitCheck,
        List<DocLink> docs, Map<Language, String> title, Map<Language, String> whatHappened, List<Step> steps,
        Map<Language, String> verify, Map<Language, String> expectedWait) {

    public Tip {
        resubmitCheck = resubmitCheck == null ? Map.of() : Map.copyOf(resubmitCheck);
        docs = List.copyOf(docs);
        title = Map.copyOf(title);
        whatHappened = Map.copyOf(whatHappened);
        steps = List.copyOf(steps);
        verify = Map.copyOf(verify);
        expectedWait = expectedWait == null ? Map.of() : Map.copyOf(expectedWait);
    }

    /** Whether the tip fits the product; a tip that names no product fits every one. */
    public boolean appliesTo(Product product) {
        return product == null || appliesTo.products().contains(product);
    }

    /** The steps shown for the product: those that name no product, and those that name it. */
    public List<Step> steps(Product product) {
        return steps.stream().filter(step -> step.appliesTo(product)).toList();
    }

    /**
     * Where a tip applies.
     *
     * @param connectors managed, built-in or both; empty = both, or not about a connector
     * @param designer new, classic or both; empty = both
     */
    public record AppliesTo(List<Product> products, List<ConnectorKind> connectors, List<Designer> designer) {

        public AppliesTo {
            products = List.copyOf(products);
            connectors = connectors == null ? List.of() : List.copyOf(connectors);
            designer = designer == null ? List.of() : List.copyOf(designer);
        }
    }

    /** A Microsoft Learn page and the day its link and content were last checked. */
    public record DocLink(String url, LocalDate verified) {
    }

    /**
     * One step: who acts, with which least-privileged access, for which products, at which risk, and its text per
     * language.
     *
     * @param access the least-privileged role or permission the actor needs; empty when none beyond the actor's own
     * @param products the products the step shows for; empty = every product the tip applies to
     * @param risk where the step weakens security or cannot be undone; empty when it does neither
     */
    public record Step(Actor actor, Map<Language, String> access, List<Product> products, Map<Language, String> risk,
            Map<Language, String> text) {

        public Step {
            access = access == null ? Map.of() : Map.copyOf(access);
            products = products == null ? List.of() : List.copyOf(products);
            risk = risk == null ? Map.of() : Map.copyOf(risk);
            text = Map.copyOf(text);
        }

        public boolean appliesTo(Product product) {
            return product == null || products.isEmpty() || products.contains(product);
        }
    }
}
