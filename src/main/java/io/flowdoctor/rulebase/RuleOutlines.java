package io.flowdoctor.rulebase;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a rule can conclude from the text of its consequence. */
final class RuleOutlines {

    private static final Pattern FINDING_CATEGORY = Pattern.compile("new\\s+Finding\\s*\\(\\s*Category\\.(\\w+)");
    private static final Pattern TIP = Pattern.compile("new\\s+Recommendation\\s*\\(\\s*\"([^\"]+)\"");
    private static final Pattern RESUBMIT = Pattern.compile("Resubmit\\.(\\w+)");
    private static final Pattern ESCALATION = Pattern.compile("new\\s+Escalation\\s*\\(\\s*EscalationLevel\\.(\\w+)");

    private RuleOutlines() {
    }

    static RuleOutline outline(RuleRef rule, String consequence) {
        String file = rule.file();
        String family = file.substring(file.indexOf('/') + 1).replaceFirst("\\.drl$", "");
        return new RuleOutline(rule, family, all(FINDING_CATEGORY, consequence), all(TIP, consequence),
                all(RESUBMIT, consequence), all(ESCALATION, consequence));
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
