package io.flowdoctor.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.UriBuilder;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.Results;
import io.quarkus.qute.TemplateNode.Origin;

/**
 * Fills the {placeholders} of texts with Qute, in one pass: a value is data, never read for placeholders
 * again. The one rule for missing values: a text shows "-", a link is left out. A placeholder the filler
 * was given no value for at all is not its to fill and stays as written. The reload gate holds every text
 * the service fills to {@link #problems}, so Qute only ever meets plain text and {name} placeholders.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final String MISSING = "-";

    /** Lenient: a name without a value renders as it was written, by the mapper below. */
    private static final Engine QUTE = Engine.builder().addDefaults().strictRendering(false)
            .addResultMapper(new ResultMapper() {
                @Override
                public int getPriority() {
                    return 100; // before Qute's own "NOT_FOUND"
                }

                @Override
                public boolean appliesTo(Origin origin, Object result) {
                    return Results.isNotFound(result);
                }

                @Override
                public String map(Object result, Expression expression) {
                    return "{" + expression.toOriginalString() + "}";
                }
            })
            .build();

    /** What a rule's evidence may name: what the facts it matched carry (diagnosis.Conclusions). */
    public static final Set<String> EVIDENCE = Set.of("phrase", "signal", "code", "status");
    /** What the answer's sentence about the failed step may name (diagnosis.Diagnoser). */
    public static final Set<String> STEP = Set.of("action");
    /** What the e-mail's subject, intro, time and count may name (notify.RepairTipsRenderer). */
    public static final Set<String> EMAIL = Set.of("flowName", "title", "firstFailedAt", "count", "ownerName", "action");
    /** What the support request's description may name (diagnosis.Escalations). */
    public static final Set<String> SUPPORT_REQUEST = Set.of("flowName", "flowId", "environmentId", "runId", "failedAt",
            "action", "connector", "operation", "statusCode", "errorCode", "message", "category", "rules");

    private Placeholders() {
    }

    /** The text with each placeholder replaced by its value; "-" where the value is missing or blank. */
    public static String fill(String text, Map<String, ?> values) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        Map<String, Object> data = new HashMap<>();
        values.forEach((name, value) -> data.put(name, isMissing(value) ? MISSING : value));
        return QUTE.parse(text).data(data).render();
    }

    /**
     * The link with each placeholder replaced by its value, encoded where it stands (a path segment as a
     * segment, "/" included; a query value as a query value), by JAX-RS' UriBuilder; empty when a value the
     * template names is missing or blank, so that no link is built with an empty segment.
     */
    public static Optional<String> link(String template, Map<String, ?> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        Map<String, Object> named = new HashMap<>();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            if (isMissing(value)) {
                return Optional.empty();
            }
            named.put(matcher.group(1), value.toString());
        }
        return Optional.of(UriBuilder.fromUri(template).buildFromMap(named, true).toString());
    }

    /**
     * What is wrong with a text's placeholders, given the names its filler knows: a name it does not know
     * (a typo would otherwise reach the reader as written), or a brace that opens no placeholder.
     */
    public static List<String> problems(String text, Set<String> known) {
        List<String> problems = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int checked = 0;
        while (matcher.find()) {
            if (text.substring(checked, matcher.start()).indexOf('{') >= 0) {
                problems.add("a '{' opens no placeholder (write placeholders as {name})");
            }
            if (!known.contains(matcher.group(1))) {
                problems.add("unknown placeholder " + matcher.group() + "; known here: "
                        + known.stream().sorted().map(name -> "{" + name + "}").collect(Collectors.joining(", ")));
            }
            checked = matcher.end();
        }
        if (text.substring(checked).indexOf('{') >= 0) {
            problems.add("a '{' opens no placeholder (write placeholders as {name})");
        }
        return problems;
    }

    private static boolean isMissing(Object value) {
        return value == null || value.toString().isBlank();
    }
}
