package io.flowdoctor.rulebase;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flowdoctor.rulebase.DroolsInternals.ParsedRule;

/** Reads what a rule can conclude, and which texts it names, from its consequence as the builder parsed it. */
final class RuleOutlines {

    private static final Pattern FINDING_CATEGORY = Pattern.compile("new\\s+Finding\\s*\\(\\s*Category\\.(\\w+)");
    private static final Pattern TIP = Pattern.compile("new\\s+Recommendation\\s*\\(\\s*\"([^\"]+)\"");
    private static final Pattern RESUBMIT = Pattern.compile("Resubmit\\.(\\w+)");
    private static final Pattern ESCALATION = Pattern.compile("new\\s+Escalation\\s*\\(\\s*EscalationLevel\\.(\\w+)");
    private static final Pattern ESCALATION_TEXT = Pattern
            .compile("new\\s+Escalation\\s*\\(\\s*EscalationLevel\\.\\w+\\s*,\\s*\"([^\"]+)\"");

    /** A tip or text id a consequence names, and the line of the rule file it stands on. */
    record Reference(Kind kind, String id, int line) {

        enum Kind {
            TIP,
            TEXT
        }
    }

    private RuleOutlines() {
    }

    static RuleOutline outline(RuleRef rule, String consequence, String conditions) {
        String file = rule.file();
        String family = file.substring(file.indexOf('/') + 1).replaceFirst("\\.drl(\\.csv)?$", "");
        return new RuleOutline(rule, family, all(FINDING_CATEGORY, consequence), all(TIP, consequence),
                all(RESUBMIT, consequence), all(ESCALATION, consequence), conditions);
    }

    static List<Reference> references(ParsedRule rule) {
        List<Reference> references = new ArrayList<>();
        collect(rule, TIP, Reference.Kind.TIP, references);
        collect(rule, ESCALATION_TEXT, Reference.Kind.TEXT, references);
        return references;
    }

    private static void collect(ParsedRule rule, Pattern pattern, Reference.Kind kind, List<Reference> into) {
        Matcher matcher = pattern.matcher(rule.consequence());
        while (matcher.find()) {
            int linesBefore = (int) rule.consequence().substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
            // The consequence's text starts with its first statement, on the line after "then".
            into.add(new Reference(kind, matcher.group(1), rule.consequenceLine() + 1 + linesBefore));
        }
    }

    /** The ruleflow group of the advice rules: they fire once the findings are ranked. */
    static final String ADVICE_PHASE = "advise";

    private static final Pattern SPECIFICITY = Pattern.compile("Specificity\\.(\\w+)");
    /** What a rule's conditions must test to claim a specificity: a field or fact type, as in its conditions' text. */
    private static final Map<String, Pattern> TESTED_BY = Map.of(
            "CONNECTOR", Pattern.compile("\\bconnector\\b"),
            "ERROR_CODE", Pattern.compile("\\berrorCode\\b|\\bCode\\("),
            "MESSAGE_TEXT", Pattern.compile("\\btext\\b"),
            "SIGNAL", Pattern.compile("\\bSignal\\("),
            "GENERIC", Pattern.compile("\\btext\\b|\\berrorCode\\b|\\bCode\\(|\\bSignal\\("),
            "STATUS_CODE", Pattern.compile("\\bstatusCode\\b"));

    /**
     * What the rule declares that its conditions do not bear out: a specificity its conditions do not
     * test (a rule that matches only text cannot claim an error code), or advice on the primary finding
     * outside the advice phase.
     */
    static List<String> inconsistencies(ParsedRule rule) {
        List<String> problems = new ArrayList<>();
        for (String specificity : all(SPECIFICITY, rule.consequence())) {
            Pattern tested = TESTED_BY.get(specificity);
            if (tested != null && !tested.matcher(rule.conditions()).find()) {
                problems.add("rule \"" + rule.name() + "\" claims Specificity." + specificity
                        + " but its conditions do not test " + describe(specificity));
            }
        }
        boolean onPrimary = rule.conditions().contains("PrimaryFinding(");
        if (onPrimary != ADVICE_PHASE.equals(rule.ruleflowGroup())) {
            problems.add("rule \"" + rule.name() + "\" " + (onPrimary
                    ? "reasons on the primary finding, so it belongs to ruleflow-group \"" + ADVICE_PHASE + "\""
                    : "is in ruleflow-group \"" + rule.ruleflowGroup() + "\" but does not reason on the primary finding"));
        }
        return problems;
    }

    private static String describe(String specificity) {
        return switch (specificity) {
            case "CONNECTOR" -> "the connector";
            case "ERROR_CODE" -> "an error code (errorCode or Code)";
            case "MESSAGE_TEXT" -> "the message text";
            case "SIGNAL" -> "a Signal";
            case "GENERIC" -> "the text, an error code or a Signal";
            default -> "the status code";
        };
    }

    private static List<String> all(Pattern pattern, String text) {
        LinkedHashSet<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text == null ? "" : text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return new ArrayList<>(found);
    }
}
