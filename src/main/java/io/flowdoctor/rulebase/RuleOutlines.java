package io.flowdoctor.rulebase;

import io.flowdoctor.rulebase.DroolsInternals.ParsedRule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a rule can conclude, and which texts it names, from its consequence as the builder parsed it. */
final class RuleOutlines {

    private static final Pattern FINDING_CATEGORY = Pattern.compile("new\\s+Finding\\s*\\(\\s*Category\\.(\\w+)");
    private static final Pattern TIP = Pattern.compile("new\\s+Recommendation\\s*\\(\\s*\"([^\"]+)\"");
    private static final Pattern RESUBMIT = Pattern.compile("Resubmit\\.(\\w+)");
    private static final Pattern ESCALATION = Pattern.compile("new\\s+Escalation\\s*\\(\\s*EscalationLevel\\.(\\w+)");
    private static final Pattern ESCALATION_TEXT =
            Pattern.compile("new\\s+Escalation\\s*\\(\\s*EscalationLevel\\.\\w+\\s*,\\s*\"([^\"]+)\"");

    /** A tip or text id a consequence names, and the line of the rule file it stands on. */
    record Reference(Kind kind, String id, int line) {

        enum Kind { TIP, TEXT }
    }

    private RuleOutlines() {
    }

    static RuleOutline outline(RuleRef rule, String consequence) {
        String file = rule.file();
        String family = file.substring(file.indexOf('/') + 1).replaceFirst("\\.drl(\\.csv)?$", "");
        return new RuleOutline(rule, family, all(FINDING_CATEGORY, consequence), all(TIP, consequence),
                all(RESUBMIT, consequence), all(ESCALATION, consequence));
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

    private static List<String> all(Pattern pattern, String text) {
        LinkedHashSet<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text == null ? "" : text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return new ArrayList<>(found);
    }
}
