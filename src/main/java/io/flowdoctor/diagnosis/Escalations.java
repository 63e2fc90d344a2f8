package io.flowdoctor.diagnosis;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import io.flowdoctor.diagnosis.Diagnosis.EscalationItem;
import io.flowdoctor.diagnosis.Diagnosis.Link;
import io.flowdoctor.diagnosis.Diagnosis.SupportRequest;
import io.flowdoctor.diagnosis.RunReport.ReportedAction;
import io.flowdoctor.knowledge.KnowledgeBase;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.knowledge.Placeholders;
import io.flowdoctor.knowledge.Precedence;
import io.flowdoctor.knowledge.Product;
import io.flowdoctor.knowledge.SupportSettings;
import io.flowdoctor.knowledge.Tip;
import io.flowdoctor.rulebase.Derived;
import io.flowdoctor.rulebase.RuleRef;

/** Turns the escalation the rules chose into its answer: the reason, the links, and a filled support request. */
final class Escalations {

    /** Long enough for the support engineer to recognise the error, short enough for the form. */
    private static final int MESSAGE_EXCERPT = 500;

    private Escalations() {
    }

    /**
     * The level the precedence table lists first wins, among equals the lowest rule id. When no rule sets one, the actors
     * of the first tip's steps (for the product) decide: a step for the resource's owner or an administrator names them;
     * otherwise nobody beyond the maker has to act.
     *
     * @param primaryTip the first tip of the answer, or null when there is none
     */
    static EscalationItem item(Conclusions conclusions, FlowRun run, ReportedAction step, KnowledgeBase knowledge,
            Language language, Tip primaryTip, Product product) {
        var chosen = conclusions.followingPrimary(conclusions.escalations()).stream()
                .max(Comparator.comparing((Derived<Escalation> e) -> e.fact().level(),
                        Precedence.<EscalationLevel> firstWins(knowledge.precedence().escalation()).reversed())
                        .thenComparing(Derived::rule, Derived.PREFER_LOWEST_RULE_ID));
        if (chosen.isEmpty()) {
            Optional<Escalation> byActors = byActors(primaryTip, product, knowledge.precedence());
            if (byActors.isEmpty()) {
                // Why it was not escalated is part of the answer too.
                return new EscalationItem(EscalationLevel.NONE, knowledge.text("escalation.none", language), null, List.of(),
                        null);
            }
            return item(byActors.get(), null, conclusions, run, step, knowledge, language);
        }
        return item(chosen.get().fact(), chosen.get().rule(), conclusions, run, step, knowledge, language);
    }

    /**
     * The level the steps' actors call for, the one the precedence table lists first: the resource's owner
     * (RESOURCE_OWNER) or an environment or tenant administrator (ADMIN). A step for support does not by itself open a
     * support request: only the advice rules escalate to SUPPORT, on evidence of a fault of the service.
     */
    static Optional<Escalation> byActors(Tip tip, Product product, Precedence precedence) {
        if (tip == null) {
            return Optional.empty();
        }
        return tip.steps(product).stream()
                .map(Tip.Step::actor)
                .map(actor -> switch (actor) {
                    case RESOURCE_OWNER -> new Escalation(EscalationLevel.RESOURCE_OWNER, "escalation.resource-owner");
                    case ENVIRONMENT_ADMIN, TENANT_ADMIN -> new Escalation(EscalationLevel.ADMIN, "escalation.admin-must-act");
                    case MAKER, FLOW_OWNER, SUPPORT -> null;
                })
                .filter(Objects::nonNull)
                .max(Comparator.comparing(Escalation::level,
                        Precedence.<EscalationLevel> firstWins(precedence.escalation()).reversed()));
    }

    private static EscalationItem item(Escalation escalation, RuleRef rule, Conclusions conclusions, FlowRun run,
            ReportedAction step, KnowledgeBase knowledge, Language language) {
        SupportSettings support = knowledge.support();
        List<Link> links = support.links().stream()
                .filter(link -> link.levels().contains(escalation.level().name()))
                .map(link -> new Link(link.kind(), link.title().get(language), link.url()))
                .toList();
        SupportRequest request = escalation.level() == EscalationLevel.SUPPORT
                ? supportRequest(conclusions, run, step, support, language)
                : null;
        return new EscalationItem(escalation.level(), knowledge.text(escalation.reasonId(), language), request, links,
                rule == null ? null : rule.ruleId());
    }

    private static SupportRequest supportRequest(Conclusions conclusions, FlowRun run, ReportedAction step,
            SupportSettings support, Language language) {
        String category = conclusions.primary().category().name();
        Map<String, Object> values = new HashMap<>();
        values.put("flowName", Objects.requireNonNullElse(run.flowName(), run.flowId()));
        values.put("flowId", run.flowId());
        values.put("environmentId", run.environmentId());
        values.put("runId", run.runId());
        values.put("failedAt", run.failedAt());
        values.put("action", step.name());
        values.put("connector", step.connector());
        values.put("operation", step.operation());
        values.put("statusCode", step.statusCode());
        values.put("errorCode", step.errorCode());
        values.put("message", Normalizer.excerpt(step.message(), MESSAGE_EXCERPT));
        values.put("category", category);
        values.put("rules", conclusions.firedRules().stream().map(RuleRef::ruleId).collect(Collectors.joining(", ")));
        String description = Placeholders.fill(support.descriptionTemplate().get(language), values);
        return new SupportRequest(support.problemType(),
                support.supportCategories().getOrDefault(category, support.supportCategories().get("UNKNOWN")), description);
    }
}
