package io.flowdoctor.rulebase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flowdoctor.knowledge.DisplayPath;
import io.flowdoctor.knowledge.NormalForm;

/**
 * Conventions of the rule files that the compiler cannot see: every DRL file opens with a comment for analysts,
 * and every literal a rule compares a fact's text, code, connector or operation with is written in the form the
 * facts are normalised to, or it could never match. Decision tables are checked in the DRL their compiler
 * generates, where a code cell becomes {@code Code(value == "...")}, and problems are named by table row.
 */
public final class RuleConventions {

    private static final Pattern COMPARED_LITERAL = Pattern
            .compile(
                    "\\b(text|errorCode|connector|operation|value)\\s*(?:contains|==|in)\\s*\\(?\\s*((?:\"[^\"]*\"\\s*,?\\s*)+)");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

    private RuleConventions() {
    }

    public static List<RuleProblem> problems(Path rulesDirectory) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Path file : RuleFiles.all(rulesDirectory)) {
            String display = DisplayPath.of(rulesDirectory, file);
            String drl = RuleFiles.drl(file);
            if (!DecisionTables.isTable(file) && !drl.startsWith("//")) {
                problems.add(new RuleProblem(display, 1, "the file must open with a // comment for analysts: what family"
                        + " it covers and where its knowledge comes from (knowledge-base/sources/...)"));
            }
            Map<String, String> generated = DecisionTables.isTable(file) ? Map.of(display, drl) : Map.of();
            problems.addAll(literals(display, drl, generated));
        }
        return problems;
    }

    /** Literals that differ from their normal form: each with its line and the form that would match. */
    static List<RuleProblem> literals(String display, String drl, Map<String, String> generated) {
        List<RuleProblem> problems = new ArrayList<>();
        Matcher comparison = COMPARED_LITERAL.matcher(drl);
        while (comparison.find()) {
            String field = comparison.group(1);
            Matcher literal = STRING.matcher(comparison.group(2));
            while (literal.find()) {
                String value = literal.group(1);
                String normal = field.equals("text") ? NormalForm.text(value) : NormalForm.identifier(value);
                if (!value.equals(normal)) {
                    int line = lineAt(drl, comparison.start(2) + literal.start());
                    problems.add(DecisionTables.problem(generated, display, line, field + " literal \"" + value
                            + "\" can never match: " + field + " is compared in its normal form ("
                            + (field.equals("text") ? "lower case, single spaces, plain quotes" : "lower case, trimmed")
                            + "); write \"" + normal + "\""));
                }
            }
        }
        return problems;
    }

    /** The 1-based line of a character offset. */
    static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
