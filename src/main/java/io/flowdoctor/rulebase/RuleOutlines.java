package io.flowdoctor.rulebase;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what each rule of a DRL source can conclude, by rule name, from the text of its consequence. */
final class RuleOutlines {

    private static final Pattern FINDING_CATEGORY = Pattern.compile("new\\s+Finding\\s*\\(\\s*Category\\.(\\w+)");
    private static final Pattern TIP = Pattern.compile("new\\s+Recommendation\\s*\\(\\s*\"([^\"]+)\"");
    private static final Pattern RESUBMIT = Pattern.compile("Resubmit\\.(\\w+)");
    private static final Pattern ESCALATION = Pattern.compile("new\\s+Escalation\\s*\\(\\s*EscalationLevel\\.(\\w+)");

    private RuleOutlines() {
    }

    /** Consequence text by rule name; empty when the source does not parse (the compiler reports that). */
    static Map<String, String> consequences(String drl) {
        try {
            PackageDescr parsed = new DrlParser().parse(false, drl);
            if (parsed == null) {
                return Map.of();
            }
            Map<String, String> byName = new java.util.HashMap<>();
            for (RuleDescr rule : parsed.getRules()) {
                byName.put(rule.getName(), String.valueOf(rule.getConsequence()));
            }
            return byName;
        } catch (DroolsParserException e) {
            return Map.of();
        }
    }

    static RuleOutline outline(RuleRef rule, String consequence) {
        String file = rule.file();
        String family = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.drl$", "");
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
