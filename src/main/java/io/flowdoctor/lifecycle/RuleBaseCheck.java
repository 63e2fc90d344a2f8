package io.flowdoctor.lifecycle;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import io.flowdoctor.Instants;
import io.flowdoctor.diagnosis.Category;
import io.flowdoctor.diagnosis.EscalationLevel;
import io.flowdoctor.diagnosis.Resubmit;
import io.flowdoctor.diagnosis.Specificity;
import io.flowdoctor.knowledge.Precedence;
import io.flowdoctor.lifecycle.RuleBaseRejected.Rejection;
import io.flowdoctor.notify.EmailTemplateCheck;
import io.flowdoctor.rulebase.EvaluationBounds;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleBaseCompiler;
import io.flowdoctor.rulebase.RuleBaseException;
import io.flowdoctor.rulebase.RuleProblem;
import io.flowdoctor.scenario.ScenarioAnswer;
import io.flowdoctor.scenario.ScenarioFailure;
import io.flowdoctor.scenario.ScenarioFile;
import io.flowdoctor.scenario.ScenarioLoader;
import io.flowdoctor.scenario.ScenarioRunner;

/**
 * The gate every rule base passes before it serves: it must compile against the knowledge base, the
 * repair-tips e-mail templates must parse and render in every language, the
 * precedence table must rank every value a rule can conclude, every scenario of
 * knowledge-base/scenarios must hold, and each tip's resubmit safety must agree with its rules' resubmit advice. Every
 * evaluation must stop within the bounds, on the scenarios and on
 * probes built from each rule's conditions.
 */
public final class RuleBaseCheck {

    private static final Logger LOG = Logger.getLogger(RuleBaseCheck.class);

    private static final String PRECEDENCE = "knowledge-base/precedence.yaml";

    private RuleBaseCheck() {
    }

    /** The gate with the default evaluation bounds (./check-rules, the what-if replay's candidates). */
    public static RuleBase compileAndCheck(Path rulesDirectory, Path knowledgeDirectory, ClassLoader classLoader) {
        return compileAndCheck(rulesDirectory, knowledgeDirectory, classLoader, EvaluationBounds.DEFAULT);
    }

    public static RuleBase compileAndCheck(Path rulesDirectory, Path knowledgeDirectory, ClassLoader classLoader,
            EvaluationBounds bounds) {
        RuleBase ruleBase;
        try {
            ruleBase = new RuleBaseCompiler(classLoader, bounds).compile(rulesDirectory, knowledgeDirectory);
        } catch (RuleBaseException e) {
            throw new RuleBaseRejected(new Rejection(Instants.now(), null, e.problems(), List.of()));
        }
        List<RuleProblem> templates = EmailTemplateCheck.problems(ruleBase.knowledge()).stream()
                .map(RuleBaseCheck::problem).toList();
        if (!templates.isEmpty()) {
            throw new RuleBaseRejected(new Rejection(Instants.now(), ruleBase.version(), templates, List.of()));
        }
        List<RuleProblem> unranked = unranked(ruleBase.knowledge().precedence());
        if (!unranked.isEmpty()) {
            throw new RuleBaseRejected(new Rejection(Instants.now(), ruleBase.version(), unranked, List.of()));
        }
        List<ScenarioFile> scenarios;
        try {
            scenarios = ScenarioLoader.load(knowledgeDirectory.resolve("scenarios"));
        } catch (UncheckedIOException e) {
            throw new RuleBaseRejected(new Rejection(Instants.now(), ruleBase.version(),
                    List.of(new RuleProblem("knowledge-base/scenarios", 0, e.getCause().getMessage())),
                    List.of()));
        }
        List<ScenarioAnswer> answers = ScenarioAnswer.of(ruleBase, scenarios);
        // A rule that never stops would otherwise be found by the first request it matches.
        List<RuleProblem> endless = RuleTermination.problems(ruleBase, answers);
        if (!endless.isEmpty()) {
            throw new RuleBaseRejected(new Rejection(Instants.now(), ruleBase.version(), endless, List.of()));
        }
        List<ScenarioFailure> failures = ScenarioRunner.failures(answers);
        if (!failures.isEmpty()) {
            throw new RuleBaseRejected(new Rejection(Instants.now(), ruleBase.version(), List.of(), failures));
        }
        // A tip that says resubmitting is safe must not stand alone on advice not to, and so on.
        List<RuleProblem> disagreeing = ResubmitAgreement.problems(ruleBase, answers);
        if (!disagreeing.isEmpty()) {
            throw new RuleBaseRejected(new Rejection(Instants.now(), ruleBase.version(), disagreeing, List.of()));
        }
        return ruleBase;
    }

    /**
     * Whether a rule base read from its compiled form still answers the first scenario of the first scenario file as
     * its gate found it did: a form that reads but does not evaluate never serves. One case proves the read and
     * loads most of what Drools prepares at a rule base's first evaluation; more would add to every start.
     */
    public static boolean answersItsFirstScenario(RuleBase ruleBase, Path knowledgeDirectory) {
        long started = System.nanoTime();
        List<ScenarioAnswer> answers;
        try {
            List<ScenarioFile> first = ScenarioLoader.first(knowledgeDirectory.resolve("scenarios"))
                    .map(file -> new ScenarioFile(file.file(), file.family(), file.cases().subList(0, 1)))
                    .stream().toList();
            answers = ScenarioAnswer.of(ruleBase, first);
        } catch (RuntimeException | LinkageError e) {
            LOG.infof("Rule base %s read from its compiled form does not answer its first scenario (%s): compiling and"
                    + " checking it", ruleBase.version(), e);
            return false;
        }
        List<ScenarioFailure> failures = ScenarioRunner.failures(answers);
        if (!failures.isEmpty()) {
            LOG.infof("Rule base %s read from its compiled form fails its first scenario, %s: compiling and checking it",
                    ruleBase.version(), failures.get(0));
            return false;
        }
        LOG.infof("Rule base %s read from its compiled form answers its first scenario (%d ms)", ruleBase.version(),
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /** "file: message" as a problem of that file. */
    private static RuleProblem problem(String problem) {
        int colon = problem.indexOf(": ");
        return colon < 0 ? new RuleProblem(problem, 0, "")
                : new RuleProblem(problem.substring(0, colon), 0,
                        problem.substring(colon + 2));
    }

    /** Every value a rule can conclude has its place in the precedence table. */
    static List<RuleProblem> unranked(Precedence precedence) {
        List<RuleProblem> problems = new ArrayList<>();
        if (precedence == null) {
            return List.of(new RuleProblem(PRECEDENCE, 0, "the precedence table is missing"));
        }
        Precedence.missing(precedence.specificity(), Specificity.class)
                .forEach(value -> problems.add(new RuleProblem(PRECEDENCE, 0, "specificity: " + value + " is not ranked")));
        Precedence.missing(precedence.categories(), Category.class)
                .forEach(value -> problems.add(new RuleProblem(PRECEDENCE, 0, "categories: " + value + " is not ranked")));
        Precedence.missing(precedence.resubmit(), Resubmit.class)
                .forEach(value -> problems.add(new RuleProblem(PRECEDENCE, 0, "resubmit: " + value + " is not ranked")));
        Precedence.missing(precedence.escalation(), EscalationLevel.class)
                .forEach(value -> problems.add(new RuleProblem(PRECEDENCE, 0, "escalation: " + value + " is not ranked")));
        return problems;
    }
}
