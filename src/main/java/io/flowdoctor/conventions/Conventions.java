package io.flowdoctor.conventions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.flowdoctor.knowledge.Glossary;
import io.flowdoctor.knowledge.KnowledgeBaseException;
import io.flowdoctor.knowledge.KnowledgeBaseLoader;
import io.flowdoctor.knowledge.Lexicon;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleConventions;
import io.flowdoctor.rulebase.RuleProblem;
import io.flowdoctor.scenario.ScenarioFile;
import io.flowdoctor.scenario.ScenarioLoader;

/**
 * The conventions rules and knowledge are held to beyond what the reload gate demands, each a problem with its
 * file (and line where known): the rule files' own conventions, the layout of a family's files, the scenarios'
 * coverage of the rules and the lexicon, the discipline of the evaluation split, and Dutch texts in the Dutch
 * interface's words. ./check-rules and the tests
 * run these same checks.
 */
public final class Conventions {

    /** The parts, so that a test can name which one it holds. */
    public enum Part {
        RULE_FILES,
        FAMILY_LAYOUT,
        SCENARIO_COVERAGE,
        SIGNAL_COVERAGE,
        SPLIT_DISCIPLINE,
        DUTCH_WORDING
    }

    private Conventions() {
    }

    /** Every problem of every part; the coverage of the rules only with a rule base (none when it does not compile). */
    public static List<RuleProblem> problems(Path rules, Path knowledge, Path samples, RuleBase ruleBase) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Part part : Part.values()) {
            problems.addAll(problems(part, rules, knowledge, samples, ruleBase));
        }
        return problems;
    }

    public static List<RuleProblem> problems(Part part, Path rules, Path knowledge, Path samples, RuleBase ruleBase) {
        return switch (part) {
            case RULE_FILES -> RuleConventions.problems(rules);
            case FAMILY_LAYOUT -> FamilyLayout.problems(rules, knowledge, scenarios(knowledge));
            case SCENARIO_COVERAGE ->
                ruleBase == null ? List.of() : ScenarioCoverage.problems(rules, ruleBase, scenarios(knowledge));
            case SIGNAL_COVERAGE -> lexicon(knowledge, ruleBase)
                    .map(lexicon -> SignalCoverage.problems(knowledge, lexicon, scenarios(knowledge))).orElse(List.of());
            case SPLIT_DISCIPLINE -> SplitDiscipline.problems(rules, knowledge, scenarios(knowledge), samples);
            case DUTCH_WORDING -> glossary(knowledge, ruleBase)
                    .map(glossary -> DutchWording.problems(knowledge, glossary)).orElse(List.of());
        };
    }

    /** The rule base's lexicon, or the knowledge base's when the rules do not compile; none when neither loads. */
    private static Optional<Lexicon> lexicon(Path knowledge, RuleBase ruleBase) {
        if (ruleBase != null) {
            return Optional.of(ruleBase.knowledge().lexicon());
        }
        try {
            return Optional.of(KnowledgeBaseLoader.load(knowledge).lexicon());
        } catch (KnowledgeBaseException reportedByTheCompiler) {
            return Optional.empty();
        }
    }

    /** The rule base's glossary, or the knowledge base's when the rules do not compile; none when neither loads. */
    private static Optional<Glossary> glossary(Path knowledge, RuleBase ruleBase) {
        if (ruleBase != null) {
            return Optional.of(ruleBase.knowledge().glossary());
        }
        try {
            return Optional.of(KnowledgeBaseLoader.load(knowledge).glossary());
        } catch (KnowledgeBaseException reportedByTheCompiler) {
            return Optional.empty();
        }
    }

    private static List<ScenarioFile> scenarios(Path knowledge) {
        return ScenarioLoader.load(knowledge.resolve("scenarios"));
    }
}
