package io.flowdoctor.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.flowdoctor.diagnosis.Diagnosis.AppliesTo;
import io.flowdoctor.diagnosis.Diagnosis.DocItem;
import io.flowdoctor.diagnosis.Diagnosis.FindingItem;
import io.flowdoctor.diagnosis.Diagnosis.RecommendationItem;
import io.flowdoctor.diagnosis.Diagnosis.RepairTips;
import io.flowdoctor.diagnosis.Diagnosis.ResubmitItem;
import io.flowdoctor.diagnosis.Diagnosis.StepItem;
import io.flowdoctor.diagnosis.Diagnosis.TroubleshootingTips;
import io.flowdoctor.diagnosis.RunReport.ReportedAction;
import io.flowdoctor.knowledge.Coded;
import io.flowdoctor.knowledge.KnowledgeBase;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.knowledge.Lexicon;
import io.flowdoctor.knowledge.Placeholders;
import io.flowdoctor.knowledge.Precedence;
import io.flowdoctor.knowledge.Product;
import io.flowdoctor.knowledge.ResubmitSafety;
import io.flowdoctor.knowledge.Tip;
import io.flowdoctor.rulebase.Derived;
import io.flowdoctor.rulebase.Evaluation;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleRef;

/**
 * Diagnoses one failed run against one rule base: finds the failing step, builds the facts, lets the
 * rules conclude, and writes the answer in the caller's language. No state: the rule base and the
 * failure history come in with each call.
 */
public final class Diagnoser {

    /** What a primary finding rests on when nothing but at most the status explains the failure. */
    private static final Set<Specificity> ONLY_A_STATUS = Set.of(Specificity.NONE, Specificity.STATUS_CODE);

    private Diagnoser() {
    }

    /**
     * What the caller adds to a diagnosis: its id, the link to resubmit the run (or null), and whether to
     * explain, for every fired rule, which facts it matched and what it concluded.
     */
    public record Options(UUID diagnosisId, String resubmitUrl, boolean explain) {

        public static Options plain() {
            return new Options(UUID.randomUUID(), null, false);
        }
    }

    /** The name of the step that caused the run to fail, as the diagnosis will name it. */
    public static String failingStep(RunReport report, KnowledgeBase knowledge) {
        return FailingStepLocator.locate(report.actions(), knowledge.failingStep()).name();
    }

    /**
     * What a diagnosis needs that does not depend on the flow's history (the failing step, the signals and codes of
     * its message, the run's changes): worked out before the history is read, so that it need not be done where the
     * history is locked.
     *
     * @param codeSignals the signals the words of the step's error code carry ({@link Lexicon#codeWords}) that its
     *        message does not, read only when nothing but a status explains the failure
     */
    public record Prepared(RuleBase ruleBase, RunReport report, ReportedAction step, FailedAction action,
            List<Object> facts, List<Signal> codeSignals) {

        public Prepared {
            facts = List.copyOf(facts);
            codeSignals = List.copyOf(codeSignals);
        }
    }

    public static Prepared prepare(RuleBase ruleBase, RunReport report) {
        KnowledgeBase knowledge = ruleBase.knowledge();
        ReportedAction step = FailingStepLocator.locate(report.actions(), knowledge.failingStep());
        FailedAction action = failedAction(step, knowledge);
        List<Object> facts = facts(step, action, knowledge, report.actions());
        return new Prepared(ruleBase, report, step, action, facts, codeSignals(step, facts, knowledge.lexicon()));
    }

    /** The signals of the error code's words that the message's own signals do not already name. */
    private static List<Signal> codeSignals(ReportedAction step, List<Object> facts, Lexicon lexicon) {
        List<String> codeWords = Lexicon.codeWords(step.errorCode());
        if (codeWords.isEmpty()) {
            return List.of();
        }
        Set<String> named = facts.stream().filter(Signal.class::isInstance).map(fact -> ((Signal) fact).name())
                .collect(Collectors.toSet());
        return lexicon.codeSignals(codeWords).stream()
                .filter(match -> !named.contains(match.signal()))
                .map(Signal::of)
                .toList();
    }

    public static Diagnosis diagnose(RuleBase ruleBase, RunReport report, Language language, FailureHistory history,
            Options options) {
        return diagnose(prepare(ruleBase, report), language, history, options);
    }

    public static Diagnosis diagnose(Prepared prepared, Language language, FailureHistory history, Options options) {
        RuleBase ruleBase = prepared.ruleBase();
        RunReport report = prepared.report();
        KnowledgeBase knowledge = ruleBase.knowledge();
        ReportedAction step = prepared.step();
        FlowRun run = new FlowRun(report.flowId(), report.flowName(), report.environmentId(), report.runId(),
                report.failedAt());
        List<Object> facts = new ArrayList<>(prepared.facts().size() + 3);
        facts.addAll(List.of(run, prepared.action(), history));
        facts.addAll(prepared.facts());

        AtomicReference<PrimaryFinding> primary = new AtomicReference<>();
        Evaluation evaluation = evaluate(ruleBase, facts, primary);
        if (ONLY_A_STATUS.contains(primary.get().specificity()) && !prepared.codeSignals().isEmpty()) {
            // Nothing but at most the status explains the failure: the words of its error code say more than a status,
            // and less than the message, a code table or a connector's rule, which therefore come first.
            facts.addAll(prepared.codeSignals());
            evaluation = evaluate(ruleBase, facts, primary);
        }
        Conclusions conclusions = Conclusions.of(evaluation, primary.get(), knowledge.precedence());

        List<RecommendationItem> recommendations = recommendations(conclusions, knowledge, language, report.product());
        String whatHappened = whatHappened(step, conclusions, recommendations, knowledge, language);
        ResubmitItem resubmit = resubmit(conclusions, knowledge.precedence());
        // No link to resubmit a run that should not be resubmitted whole, nor before the check its tip asks for.
        String resubmitUrl = resubmitAllowed(resubmit, recommendations) ? options.resubmitUrl() : null;
        return new Diagnosis(
                options.diagnosisId(),
                report.flowId(),
                report.runId(),
                step.name(),
                conclusions.primary().category(),
                conclusions.findings().stream().map(finding -> findingItem(finding, conclusions, knowledge, language)).toList(),
                whatHappened,
                recommendations,
                resubmit,
                Escalations.item(conclusions, run, step, knowledge, language,
                        recommendations.isEmpty() ? null : knowledge.tip(recommendations.get(0).tipId()), report.product()),
                new RepairTips(history.firstFailedAt(), whatHappened, howToFix(recommendations),
                        new TroubleshootingTips(history.failureCount(), history.firstFailedAt(), resubmitUrl)),
                conclusions.firedRules(),
                ruleBase.version(),
                language.code(),
                options.explain() ? Explanations.of(conclusions, knowledge, language) : null);
    }

    /** Classification rules fire first; the advice rules then reason on the finding that ranked first. */
    private static Evaluation evaluate(RuleBase ruleBase, List<Object> facts, AtomicReference<PrimaryFinding> primary) {
        return ruleBase.evaluate(facts, classified -> {
            primary.set(FindingRanking.primary(
                    FindingRanking.rank(classified.all(Finding.class), ruleBase.knowledge().precedence())));
            return List.of(primary.get());
        });
    }

    /**
     * Besides the run, its failing step and its history: the retry policy, whether the failing step changes
     * something, the steps of the run that already changed something, and the signals and codes its message carries.
     */
    private static List<Object> facts(ReportedAction step, FailedAction action, KnowledgeBase knowledge,
            List<ReportedAction> actions) {
        List<Object> facts = new ArrayList<>(List.of(knowledge.retryPolicy()));
        actions.stream()
                .filter(other -> knowledge.sideEffects().changedSomething(other.status(), other.operation(), other.name()))
                .forEach(other -> facts.add(new CompletedChange(other.name())));
        if (knowledge.makersApi(action.connector())) {
            facts.add(new MakersApi());
        }
        if (knowledge.sideEffects().changes(step.operation(), step.name())) {
            facts.add(new FailingChange(action.name()));
        }
        Lexicon lexicon = knowledge.lexicon();
        List<String> compoundWords = Lexicon.compoundWords(step.message());
        List<Lexicon.Match> signals = lexicon.signals(action.text(), compoundWords);
        signals.forEach(match -> facts.add(Signal.of(match)));
        lexicon.subjects(action.text(), compoundWords, signals)
                .forEach(nearest -> facts.add(new About(nearest.signal(), nearest.subject())));
        Set<String> codes = new LinkedHashSet<>();
        if (!action.errorCode().isEmpty()) {
            codes.add(action.errorCode());
        }
        codes.addAll(lexicon.codes(action.text()));
        codes.stream().flatMap(Code::spellings).distinct().forEach(facts::add);
        return facts;
    }

    static FailedAction failedAction(ReportedAction step, KnowledgeBase knowledge) {
        String text = Normalizer.text(step.message());
        return new FailedAction(
                step.name(),
                knowledge.connectorId(step.connector()),
                Normalizer.identifier(step.operation()),
                step.statusCode() == null ? 0 : step.statusCode(),
                Normalizer.identifier(step.errorCode()),
                text,
                Normalizer.retryAfterSeconds(text));
    }

    private static FindingItem findingItem(Derived<Finding> finding, Conclusions conclusions, KnowledgeBase knowledge,
            Language language) {
        RuleRef rule = finding.rule();
        return new FindingItem(finding.fact().category(), finding.fact().specificity(),
                rule == null ? null : rule.ruleId(), rule == null ? null : rule.rule(),
                conclusions.evidence(rule, knowledge, language));
    }

    /**
     * Whether the answer may offer to resubmit the run: not when the advice says not to, nor when the first tip says the
     * resubmit must wait for a check or can never succeed.
     */
    public static boolean resubmitAllowed(ResubmitItem resubmit, List<RecommendationItem> recommendations) {
        if (resubmit.advice() == Resubmit.NOT_ADVISED) {
            return false;
        }
        return recommendations.isEmpty() || ResubmitSafety.SAFE.code().equals(recommendations.get(0).resubmitSafety());
    }

    /**
     * The tips that follow the primary finding, those of the most specific findings first. With a product, the tips
     * written for it (all of them when none is) and their steps for it.
     */
    private static List<RecommendationItem> recommendations(Conclusions conclusions, KnowledgeBase knowledge,
            Language language, Product product) {
        Map<RuleRef, Integer> rankOfRule = new LinkedHashMap<>();
        List<Derived<Finding>> findings = conclusions.findings();
        IntStream.range(0, findings.size()).forEach(i -> rankOfRule.putIfAbsent(findings.get(i).rule(), i));

        Map<String, RuleRef> byTip = new LinkedHashMap<>();
        conclusions.followingPrimary(conclusions.recommendations()).stream()
                .sorted(Comparator
                        .comparingInt((Derived<Recommendation> r) -> rankOfRule.getOrDefault(r.rule(), Integer.MAX_VALUE))
                        .thenComparingInt(r -> r.fact().priority())
                        .thenComparing(r -> r.fact().tipId()))
                .forEach(r -> {
                    if (!byTip.containsKey(r.fact().tipId())) {
                        byTip.put(r.fact().tipId(), r.rule());
                    }
                });
        List<String> tipIds = new ArrayList<>(byTip.keySet());
        List<String> forProduct = tipIds.stream().filter(id -> knowledge.tip(id).appliesTo(product)).toList();
        List<String> shown = forProduct.isEmpty() ? tipIds : forProduct;
        return shown.stream().map(id -> recommendation(knowledge.tip(id), byTip.get(id), knowledge, language, product))
                .toList();
    }

    private static RecommendationItem recommendation(Tip tip, RuleRef rule, KnowledgeBase knowledge, Language language,
            Product product) {
        List<StepItem> steps = tip.steps(product).stream()
                .map(step -> new StepItem(knowledge.ui(step.text(), language), step.actor().code(),
                        knowledge.ui(step.access(), language), knowledge.ui(step.risk(), language)))
                .toList();
        Tip.AppliesTo applies = tip.appliesTo();
        return new RecommendationItem(tip.id(), knowledge.ui(tip.title(), language),
                steps.stream().map(StepItem::text).toList(), rule == null ? null : rule.ruleId(), steps,
                new AppliesTo(codes(applies.products()), codes(applies.connectors()), codes(applies.designer())),
                tip.resubmit().code(), knowledge.ui(tip.resubmitCheck(), language), knowledge.ui(tip.verify(), language),
                knowledge.ui(tip.expectedWait(), language),
                tip.docs().stream().map(doc -> new DocItem(doc.url(), doc.verified())).toList(), tip.source());
    }

    private static List<String> codes(List<? extends Coded> values) {
        return values.stream().map(Coded::code).toList();
    }

    private static String whatHappened(ReportedAction step, Conclusions conclusions, List<RecommendationItem> recommendations,
            KnowledgeBase knowledge, Language language) {
        String stepFailed = Placeholders.fill(knowledge.text("answer.step-failed", language), Map.of("action", step.name()));
        if (recommendations.isEmpty()) {
            return stepFailed;
        }
        return stepFailed + " " + knowledge.ui(knowledge.tip(recommendations.get(0).tipId()).whatHappened(), language);
    }

    /**
     * When rules disagree, the advice the precedence table lists first wins; among equals, the longest wait, then the lowest
     * rule id.
     */
    private static ResubmitItem resubmit(Conclusions conclusions, Precedence precedence) {
        return conclusions.followingPrimary(conclusions.resubmits()).stream()
                .max(Comparator.comparing((Derived<ResubmitAdvice> r) -> r.fact().advice(),
                        Precedence.<Resubmit> firstWins(precedence.resubmit()).reversed())
                        .thenComparing(r -> r.fact().delaySeconds() == null ? 0 : r.fact().delaySeconds())
                        .thenComparing(Derived::rule, Derived.PREFER_LOWEST_RULE_ID))
                .map(r -> new ResubmitItem(r.fact().advice(), r.fact().delaySeconds(), r.fact().maxAttempts(),
                        r.rule() == null ? null : r.rule().ruleId()))
                .orElse(new ResubmitItem(Resubmit.AFTER_FIX, null, null, null));
    }

    private static String howToFix(List<RecommendationItem> recommendations) {
        return recommendations.stream()
                .map(r -> r.title() + "\n" + IntStream.range(0, r.steps().size())
                        .mapToObj(i -> (i + 1) + ". " + r.steps().get(i))
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n\n"));
    }
}
