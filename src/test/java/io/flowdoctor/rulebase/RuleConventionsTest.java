package io.flowdoctor.rulebase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.flowdoctor.ProjectRuleBase;

/**
 * The conventions rules must keep to match at all: text, codes and connectors are compared in their
 * normalised form (lower case, single spaces), so a literal in another form can never match. Decision tables
 * are checked in the DRL their compiler generates, where a code cell becomes {@code Code(value == "...")}.
 */
class RuleConventionsTest {

    private static final Pattern COMPARED_LITERAL = Pattern
            .compile("(text|errorCode|connector|operation|value)\\s*(?:contains|==|in)\\s*\\(?\\s*((?:\"[^\"]*\"\\s*,?\\s*)+)");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

    @Test
    void comparedLiteralsAreInNormalisedForm() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : ruleFiles()) {
            String rules = DecisionTables.isTable(file) ? DecisionTables.drl(file) : Files.readString(file);
            Matcher comparison = COMPARED_LITERAL.matcher(rules);
            while (comparison.find()) {
                Matcher literal = STRING.matcher(comparison.group(2));
                while (literal.find()) {
                    String value = literal.group(1);
                    if (!value.equals(value.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip())) {
                        offenders.add(file + ": " + comparison.group(1) + " \"" + value + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "literals that can never match the normalised facts");
    }

    @Test
    void everyRuleFileOpensWithACommentForAnalysts() throws IOException {
        List<String> withoutComment = new ArrayList<>();
        for (Path file : drlFiles()) {
            if (!Files.readString(file).startsWith("//")) {
                withoutComment.add(file.toString());
            }
        }
        assertEquals(List.of(), withoutComment);
    }

    private static List<Path> ruleFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ProjectRuleBase.RULES)) {
            return files.filter(f -> f.toString().endsWith(".drl") || DecisionTables.isTable(f)).sorted().toList();
        }
    }

    private static List<Path> drlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ProjectRuleBase.RULES)) {
            return files.filter(f -> f.toString().endsWith(".drl")).sorted().toList();
        }
    }
}
