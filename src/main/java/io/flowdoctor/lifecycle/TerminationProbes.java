package io.flowdoctor.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flowdoctor.diagnosis.FailureHistory;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.diagnosis.RunReport.ReportedAction;
import io.flowdoctor.knowledge.Lexicon;
import io.flowdoctor.rulebase.RuleOutline;

/**
 * Synthetic failures that reach rules no scenario reaches: one per rule, built from the literals of its own
 * conditions (its connector, operation, status code, error codes, message wording and signals, a history
 * as long as it asks for), and one per common HTTP status. The reload gate evaluates them to see that every
 * evaluation stops; what they conclude does not matter.
 */
final class TerminationProbes {

    /** One probe: the failure, its history, and what it stands for in a rejection. */
    record Probe(String name, RunReport run, FailureHistory history) {
    }

    static final Instant FAILED_AT = Instant.parse("2026-01-15T09:30:00Z");

    private static final List<Integer> STATUS_CODES = List.of(0, 400, 401, 403, 404, 408, 409, 413, 429, 500, 502, 503,
            504);

    /** field == "a", field in ("a", "b"), field contains "a", field >= 3, and the like. */
    private static final Pattern CONSTRAINT = Pattern
            .compile("(\\w+)\\s*(?:==|>=|>|in|contains|memberOf)\\s*(\\([^)]*\\)|\"[^\"]*\"|\\d+)");
    private static final Pattern VALUE = Pattern.compile("\"([^\"]*)\"|(\\d+)");

    private TerminationProbes() {
    }

    static List<Probe> of(Iterable<RuleOutline> outlines, Lexicon lexicon) {
        List<Probe> probes = new ArrayList<>();
        for (RuleOutline outline : outlines) {
            probes.add(probe(outline, lexicon));
        }
        for (int status : STATUS_CODES) {
            RunReport run = run(new ReportedAction("Probe", "Failed", null, null, status == 0 ? null : status, null,
                    "The request failed."));
            probes.add(new Probe("a bare " + (status == 0 ? "failure without status" : "status " + status), run,
                    FailureHistory.first(FAILED_AT)));
        }
        return probes;
    }

    private static Probe probe(RuleOutline outline, Lexicon lexicon) {
        Map<String, List<String>> literals = literals(outline.conditions());
        List<String> message = new ArrayList<>(literals.getOrDefault("text", List.of()));
        for (String signal : literals.getOrDefault("name", List.of())) {
            lexicon.phrases(signal).stream().findFirst()
                    .ifPresent(phrase -> message.add(phrase.text().replace("...", "").replace("*", "")));
        }
        String errorCode = first(literals, "errorCode", first(literals, "value", null));
        String status = first(literals, "statusCode", null);
        ReportedAction action = new ReportedAction("Probe", "Failed", first(literals, "connector", null),
                first(literals, "operation", null), status == null ? null : Integer.valueOf(status), errorCode,
                message.isEmpty() ? "The request failed." : String.join(" ", message));
        int count = Integer.parseInt(first(literals, "failureCount", "1"));
        int lastHour = Integer.parseInt(first(literals, "failuresInLastHour", "1"));
        FailureHistory history = new FailureHistory(Math.max(count, lastHour),
                FAILED_AT.minus(Duration.ofMinutes(30)), lastHour);
        return new Probe("a failure built from the conditions of rule " + outline.rule().ruleId(), run(action), history);
    }

    private static RunReport run(ReportedAction action) {
        return new RunReport("probe-flow", "Probe", "probe-environment", "probe-run", FAILED_AT, null, List.of(action));
    }

    private static String first(Map<String, List<String>> literals, String field, String otherwise) {
        List<String> values = literals.get(field);
        return values == null || values.isEmpty() ? otherwise : values.get(0);
    }

    /** The literal values each field of the conditions is compared with. */
    static Map<String, List<String>> literals(String conditions) {
        Map<String, List<String>> literals = new LinkedHashMap<>();
        Matcher constraint = CONSTRAINT.matcher(conditions == null ? "" : conditions);
        while (constraint.find()) {
            Matcher value = VALUE.matcher(constraint.group(2));
            while (value.find()) {
                literals.computeIfAbsent(constraint.group(1), field -> new ArrayList<>())
                        .add(value.group(1) != null ? value.group(1) : value.group(2));
            }
        }
        return literals;
    }
}
