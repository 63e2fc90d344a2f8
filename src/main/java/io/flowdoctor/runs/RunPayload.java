package io.flowdoctor.runs;

import java.util.Map;

import io.flowdoctor.diagnosis.RunReport;

/**
 * One failed run read from a platform payload.
 *
 * @param shape the shape it was read from (and so the product, {@link Shape#platform()})
 * @param report the run, as a v1 request would report it
 * @param locale the language the body asks for ("locale" beside "workflow" and "result"), or null
 * @param sources where each field of the report came from: its v1 name ("flowId", "actions[0].message") to the
 *        JSON pointer of the body's value, so a problem with the value can name the place the caller sent it
 */
public record RunPayload(Shape shape, RunReport report, String locale, Map<String, String> sources) {

    public RunPayload {
        sources = Map.copyOf(sources);
    }

    /** The body's JSON pointer of a v1 field ("actions[2].message"), else of its action, else the whole body. */
    public String pointerOf(String field) {
        String pointer = sources.get(field);
        if (pointer != null) {
            return pointer;
        }
        int dot = field.indexOf("].");
        if (dot > 0 && sources.containsKey(field.substring(0, dot + 1))) {
            return sources.get(field.substring(0, dot + 1));
        }
        return field.startsWith("actions") && sources.containsKey("actions") ? sources.get("actions") : "";
    }

    /** The same run of the given flow: for a bare result() array, which does not name its flow. */
    public RunPayload withFlowId(String flowId) {
        RunReport r = report;
        return new RunPayload(shape, new RunReport(flowId, r.flowName(), r.environmentId(), r.runId(), r.failedAt(),
                r.owner(), r.actions()), locale, sources);
    }
}
