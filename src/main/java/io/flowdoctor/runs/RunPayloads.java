package io.flowdoctor.runs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.diagnosis.RunReport.ReportedAction;
import io.flowdoctor.knowledge.Product;

/**
 * Reads failed runs from the payloads the platforms produce, recognising the shape from the body:
 * <ul>
 * <li>{@code {"workflow": workflow(), "result": result('Try')}}, as a Power Automate catch scope posts it (with an
 * optional {@code "locale"} and {@code "owner": {"email", "displayName"}} beside them): one run;</li>
 * <li>a bare {@code result()} array: one run, whose flow id the caller supplies
 * ({@link RunPayload#withFlowId});</li>
 * <li>{@code {"value": [{"name", "properties": {...}}]}}, Logic Apps' Workflow Run Actions - List: one run;</li>
 * <li>{@code {"records": [...]}}, WorkflowRuntime resource logs as Azure Monitor sends them to an event hub: one run
 * per run id among the failed {@code workflowActionCompleted} records. Records of one run may arrive in separate
 * bodies, so each failed action record is diagnosable alone; a record that only reports that an action inside it
 * failed (a scope's or loop's {@code ActionFailed}) and a run's own completion are left out, since the inner action's
 * record reports that failure itself.</li>
 * </ul>
 * Only actions that failed or timed out are reported; skipped and succeeded ones are left out. A body of none of
 * these shapes, or one a shape cannot read, is refused with {@link InvalidRunPayload} naming the place by its JSON
 * pointer.
 */
public final class RunPayloads {

    private static final String SHAPES = "a JSON object {\"workflow\": workflow(), \"result\": result('Try')}, a result() array, "
            + "{\"value\": [...]} of Workflow Run Actions - List or {\"records\": [...]} of WorkflowRuntime logs";

    private RunPayloads() {
    }

    /**
     * The failed runs the body holds: exactly one for every shape but diagnostic records, which hold any number
     * (none when no record reports a failed action).
     *
     * @throws InvalidRunPayload naming the offending place as a JSON pointer ("" for the whole body)
     */
    public static List<RunPayload> read(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new InvalidRunPayload("", "must be " + SHAPES);
        }
        At root = At.root(body);
        if (body.isArray()) {
            return List.of(powerAutomate(null, root, Shape.RESULT_ARRAY, null, null));
        }
        if (!body.isObject()) {
            throw new InvalidRunPayload("", "must be " + SHAPES);
        }
        if (body.has("records")) {
            return diagnosticRecords(root.get("records"));
        }
        if (body.has("value")) {
            return List.of(runActions(root.get("value")));
        }
        if (body.has("result") || body.has("workflow")) {
            if (!body.has("result")) {
                throw new InvalidRunPayload("/result", "is missing: send result('Try') beside workflow()");
            }
            return List.of(powerAutomate(root.get("workflow").object(), root.get("result"), Shape.POWER_AUTOMATE_RESULT,
                    root.get("locale").text(), root.get("owner").object()));
        }
        if (body.has("flowId") && body.has("actions")) {
            throw new InvalidRunPayload("", "is a v1 request: send it to POST /api/v1/diagnoses, or send " + SHAPES);
        }
        throw new InvalidRunPayload("", "must be " + SHAPES);
    }

    /** A result() (or actions()) array, with the ids of workflow() when there is one. */
    private static RunPayload powerAutomate(At workflow, At result, Shape shape, String locale, At owner) {
        if (!result.isArray()) {
            throw new InvalidRunPayload(result.pointer(), "must be the array result('Try') returns");
        }
        Draft draft = new Draft();
        if (workflow != null && !workflow.absent()) {
            draft.field("flowId", workflow.get("name"));
            At tags = workflow.get("tags").object();
            if (draft.report.flowId == null && tags.isObject()) {
                draft.field("flowId", tags.get("logicAppName"));
            }
            if (tags.isObject()) {
                draft.field("flowName", tags.get("flowDisplayName"));
                draft.field("environmentId", tags.get("environmentName"));
            }
            At run = workflow.get("run").object();
            if (run.isObject()) {
                draft.field("runId", run.get("name"));
            }
            if (draft.report.flowId == null) {
                throw new InvalidRunPayload(workflow.pointer() + "/name", "must name the flow: send workflow() as it is");
            }
        }
        if (owner != null && owner.isObject()) {
            draft.owner(owner.get("email"), owner.get("displayName"));
        }
        List<At> items = new ArrayList<>();
        flatten(result, items);
        for (At item : items) {
            if (!item.isObject()) {
                throw new InvalidRunPayload(item.pointer(), "must be an action's result, a JSON object");
            }
            if (ActionReader.failed(item.get("status"))) {
                draft.action(ActionReader.read(item.get("name"), item), item);
            }
        }
        return draft.finish(shape, locale, result);
    }

    /** A loop's result() is an array per repetition; nested arrays are read as one list. */
    private static void flatten(At array, List<At> into) {
        for (int i = 0; i < array.size(); i++) {
            At item = array.at(i);
            if (item.isArray()) {
                flatten(item, into);
            } else {
                into.add(item);
            }
        }
    }

    /** Workflow Run Actions - List: each action's name and properties; its id names workflow and run. */
    private static RunPayload runActions(At value) {
        if (!value.isArray()) {
            throw new InvalidRunPayload(value.pointer(), "must be the array of the run's actions");
        }
        Draft draft = new Draft();
        for (int i = 0; i < value.size(); i++) {
            At item = value.at(i);
            if (!item.isObject()) {
                throw new InvalidRunPayload(item.pointer(), "must be a run action, a JSON object");
            }
            At properties = item.get("properties");
            if (!properties.isObject()) {
                throw new InvalidRunPayload(properties.pointer(), "must be the action's properties, a JSON object");
            }
            ResourceId id = ResourceId.of(item.get("id"));
            if (id != null && draft.report.flowId == null) {
                draft.set("flowId", id.workflow(), item.get("id"));
                draft.set("flowName", id.workflowName(), item.get("id"));
                draft.set("runId", id.run(), item.get("id"));
            }
            if (ActionReader.failed(properties.get("status"))) {
                draft.action(ActionReader.read(item.get("name"), properties), item);
            }
        }
        if (draft.report.flowId == null) {
            throw new InvalidRunPayload(value.pointer() + "/0/id",
                    "must name the workflow and run: send the actions as the management API lists them, with their id");
        }
        return draft.finish(Shape.LOGIC_APPS_RUN_ACTIONS, null, value);
    }

    /** WorkflowRuntime records: one run per run id among the failed action records, in the order they came. */
    private static List<RunPayload> diagnosticRecords(At records) {
        if (!records.isArray()) {
            throw new InvalidRunPayload(records.pointer(), "must be the array of resource log records");
        }
        Map<String, Draft> runs = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            At record = records.at(i);
            if (!record.isObject()) {
                throw new InvalidRunPayload(record.pointer(), "must be a resource log record, a JSON object");
            }
            String operation = record.get("operationName").text();
            if (operation == null || !operation.toLowerCase(Locale.ROOT).endsWith("/workflowactioncompleted")) {
                continue; // a run's or trigger's record, or an action that started: not an action's outcome
            }
            At properties = record.get("properties");
            if (!properties.isObject()) {
                throw new InvalidRunPayload(properties.pointer(), "must be the record's properties, a JSON object");
            }
            if (!ActionReader.failed(properties.get("status")) || reportsInnerFailure(properties)) {
                continue;
            }
            At resource = properties.get("resource").object();
            ResourceId id = ResourceId.of(record.get("resourceId"));
            String runId = resource.isObject() ? resource.get("runId").text() : null;
            runId = runId != null ? runId : id == null ? null : id.run();
            String workflow = id == null ? null : id.workflow();
            if (workflow == null || runId == null) {
                throw new InvalidRunPayload(record.get("resourceId").pointer(),
                        "must name the workflow and run (/SUBSCRIPTIONS/.../WORKFLOWS/<name>/RUNS/<run>/ACTIONS/<action>)");
            }
            At actionName = resource.isObject() && !resource.get("actionName").absent() ? resource.get("actionName")
                    : null;
            if (actionName == null) {
                throw new InvalidRunPayload(properties.pointer() + "/resource/actionName", "must name the action");
            }
            Draft draft = runs.computeIfAbsent(workflow + "\n" + runId, key -> new Draft());
            if (draft.report.flowId == null) {
                draft.set("flowId", workflow, record.get("resourceId"));
                String name = resource.get("workflowName").text();
                draft.set("flowName", name != null ? name : id.workflowName(), resource.get("workflowName"));
                draft.set("runId", runId, resource.get("runId"));
            }
            draft.action(ActionReader.read(actionName, properties), record);
        }
        return runs.values().stream().map(draft -> draft.finish(Shape.LOGIC_APPS_DIAGNOSTIC_RECORDS, null, records))
                .toList();
    }

    /** A scope's or loop's record that only says an action inside it failed: that action's record says what. */
    private static boolean reportsInnerFailure(At properties) {
        At error = properties.get("error");
        String code = error.isObject() ? error.get("code").text() : properties.get("code").text();
        return "actionfailed".equalsIgnoreCase(code);
    }

    /** A report being read: its fields, actions and the pointer each came from. */
    private static final class Draft {

        private final MutableReport report = new MutableReport();
        private final Map<String, String> sources = new LinkedHashMap<>();
        private final List<ReportedAction> actions = new ArrayList<>();
        private final Set<String> distinct = new HashSet<>();
        private Instant failedAt;

        void field(String name, At at) {
            set(name, at.text(), at);
        }

        void set(String name, String value, At at) {
            if (value == null) {
                return;
            }
            switch (name) {
                case "flowId" -> report.flowId = value;
                case "flowName" -> report.flowName = value;
                case "environmentId" -> report.environmentId = value;
                case "runId" -> report.runId = value;
                default -> throw new IllegalArgumentException(name);
            }
            sources.put(name, at.pointer());
        }

        void owner(At email, At displayName) {
            report.owner = new RunReport.Owner(email.text(), displayName.text());
            sources.put("owner.email", email.pointer());
            sources.put("owner.displayName", displayName.pointer());
        }

        /** Adds a failed action; the same failure repeated (one per loop repetition) counts once. */
        void action(ActionReader.Read read, At item) {
            if (!distinct.add(read.action().toString())) {
                return;
            }
            int index = actions.size();
            actions.add(read.action());
            sources.put("actions[" + index + "]", item.pointer());
            read.sources().forEach((field, at) -> sources.put("actions[" + index + "]." + field, at.pointer()));
            if (read.endTime() != null && (failedAt == null || read.endTime().isAfter(failedAt))) {
                failedAt = read.endTime();
            }
        }

        RunPayload finish(Shape shape, String locale, At list) {
            if (actions.isEmpty()) {
                throw new InvalidRunPayload(list.pointer(),
                        "holds no action that failed or timed out: send the result of a run that failed");
            }
            sources.put("actions", list.pointer());
            // Power Automate's shapes name their product; a Logic Apps body does not say Consumption or Standard.
            Product product = shape.platform() == Platform.POWER_AUTOMATE ? Product.POWER_AUTOMATE : null;
            return new RunPayload(shape, new RunReport(report.flowId, report.flowName, report.environmentId, report.runId,
                    failedAt, report.owner, actions, product, null), locale, sources);
        }
    }

    private static final class MutableReport {
        String flowId;
        String flowName;
        String environmentId;
        String runId;
        RunReport.Owner owner;
    }
}
