package io.flowdoctor.lifecycle;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.flowdoctor.conventions.Conventions;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleBaseCompiler;
import io.flowdoctor.rulebase.RuleBaseException;
import io.flowdoctor.rulebase.RuleFiles;
import io.flowdoctor.rulebase.RuleProblem;
import io.flowdoctor.scenario.Samples;
import io.flowdoctor.scenario.ScenarioAnswer;
import io.flowdoctor.scenario.ScenarioFailure;
import io.flowdoctor.scenario.ScenarioFile;
import io.flowdoctor.scenario.ScenarioLoader;
import io.flowdoctor.scenario.ScenarioRunner;

/**
 * Everything ./check-rules checks, all reported together: the reload gate (compile against the knowledge base,
 * the precedence table, every scenario), the samples and the conventions the tests hold rules and knowledge to.
 * A rule file that does not compile does not hide the rest: the other files are compiled without it and their
 * scenarios run, and only its own family's scenarios are left out (and said to be).
 */
final class RuleSetCheck {

    /** What one check found; {@code ruleBase} is null when not even the files that compile could be compiled. */
    record Report(RuleBase ruleBase, List<RuleProblem> problems, List<ScenarioFailure> scenarioFailures,
            List<ScenarioFailure> sampleFailures, List<String> notes) {

        boolean allWell() {
            return problems.isEmpty() && scenarioFailures.isEmpty() && sampleFailures.isEmpty();
        }
    }

    private RuleSetCheck() {
    }

    static Report run(Path rules, Path knowledge, Path samples, ClassLoader classLoader) {
        RuleBaseCompiler compiler = new RuleBaseCompiler(classLoader);
        List<RuleProblem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> broken = Set.of();
        RuleBase ruleBase = null;
        try {
            ruleBase = compiler.compile(rules, knowledge);
        } catch (RuleBaseException e) {
            problems.addAll(e.problems());
            broken = brokenRuleFiles(rules, e.problems());
            if (!broken.isEmpty()) {
                ruleBase = compileWithout(compiler, rules, knowledge, broken, notes);
            }
        }
        List<ScenarioFailure> scenarioFailures = new ArrayList<>();
        List<ScenarioFailure> sampleFailures = new ArrayList<>();
        if (ruleBase != null) {
            problems.addAll(RuleBaseCheck.unranked(ruleBase.knowledge().precedence()));
            scenarioFailures.addAll(scenarios(ruleBase, knowledge, families(rules, broken), problems, notes));
            if (samples != null && Files.isDirectory(samples)) {
                sampleFailures.addAll(Samples.failures(ruleBase, samples));
            }
        }
        try {
            problems.addAll(Conventions.problems(rules, knowledge, samples, ruleBase));
        } catch (UncheckedIOException e) {
            problems.add(new RuleProblem(knowledge.toString(), 0, "the conventions could not be checked: "
                    + e.getCause().getMessage()));
        }
        return new Report(ruleBase, List.copyOf(new LinkedHashSet<>(problems)), scenarioFailures, sampleFailures, notes);
    }

    /** The rule files the problems are in (by display path), when they are rule files at all. */
    private static Set<String> brokenRuleFiles(Path rules, List<RuleProblem> problems) {
        String prefix = rules.getFileName() + "/";
        Set<String> broken = new LinkedHashSet<>();
        problems.stream().map(RuleProblem::file)
                .filter(file -> file.startsWith(prefix) && RuleFiles.isRuleFile(Path.of(file)))
                .forEach(broken::add);
        return broken;
    }

    private static RuleBase compileWithout(RuleBaseCompiler compiler, Path rules, Path knowledge, Set<String> broken,
            List<String> notes) {
        try {
            RuleBase partial = compiler.compile(rules, knowledge, broken);
            notes.add("the scenarios of the other families ran without " + String.join(", ", broken)
                    + " (they do not compile), so some of their failures may come from those files' missing rules");
            return partial;
        } catch (RuleBaseException stillBroken) {
            notes.add("no scenario ran: the rule base does not compile even without " + String.join(", ", broken));
            return null;
        }
    }

    /** The family keys of the broken rule files, whose scenarios cannot hold without them. */
    private static Set<String> families(Path rules, Set<String> broken) {
        Set<String> families = new LinkedHashSet<>();
        broken.forEach(file -> families.add(file.substring(rules.getFileName().toString().length() + 1)
                .replaceFirst("\\.drl(\\.csv)?$", "")));
        return families;
    }

    private static List<ScenarioFailure> scenarios(RuleBase ruleBase, Path knowledge, Set<String> skippedFamilies,
            List<RuleProblem> problems, List<String> notes) {
        List<ScenarioFile> files;
        try {
            files = ScenarioLoader.load(knowledge.resolve("scenarios"));
        } catch (UncheckedIOException e) {
            problems.add(new RuleProblem("knowledge-base/scenarios", 0, e.getCause().getMessage()));
            return List.of();
        }
        List<ScenarioFile> run = new ArrayList<>();
        for (ScenarioFile file : files) {
            if (skippedFamilies.contains(file.family())) {
                notes.add("the scenarios of " + file.file() + " did not run: their rules do not compile");
            } else {
                run.add(file);
            }
        }
        List<ScenarioAnswer> answers = ScenarioAnswer.of(ruleBase, run);
        problems.addAll(ResubmitAgreement.problems(ruleBase, answers));
        return ScenarioRunner.failures(answers);
    }
}
