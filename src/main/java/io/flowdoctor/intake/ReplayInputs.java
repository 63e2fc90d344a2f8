package io.flowdoctor.intake;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.diagnosis.FailureHistory;
import io.flowdoctor.diagnosis.ReplayInput;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.diagnosis.RunReport.ReportedAction;

/**
 * What the audit keeps to diagnose a failure again: the run without its owner, the failing step whole,
 * the messages of a few other failed steps (which tell wrappers from causes) and the other steps' names,
 * statuses, connectors and operations (which tell what the run already changed), each bounded, so that
 * one input stays well inside its column.
 */
final class ReplayInputs {

    static final int MAX_ACTIONS = 200;
    static final int MAX_MESSAGES = 20;
    static final int MESSAGE_LENGTH = 8000;
    static final int FIELD_LENGTH = 256;
    /** The column's size; an input that would not fit is not kept (that diagnosis cannot be replayed). */
    static final int MAX_JSON = 1_000_000;

    private ReplayInputs() {
    }

    /** The input as JSON, or null when it would not fit. */
    static String of(RunReport run, String failedAction, FailureHistory history, String locale, ObjectMapper json) {
        List<ReportedAction> kept = new ArrayList<>();
        int messages = 0;
        boolean failingStepKept = false;
        for (ReportedAction action : run.actions()) {
            boolean failing = !failingStepKept && action.name().equals(failedAction);
            // One place stays free for the failing step until it is kept.
            int room = failingStepKept ? MAX_ACTIONS : MAX_ACTIONS - 1;
            if (!failing && kept.size() >= room) {
                continue;
            }
            if (failing) {
                failingStepKept = true;
                kept.add(action);
            } else {
                boolean keepMessage = action.message() != null && !succeeded(action) && messages < MAX_MESSAGES;
                messages += keepMessage ? 1 : 0;
                kept.add(new ReportedAction(cut(action.name(), FIELD_LENGTH), cut(action.status(), FIELD_LENGTH),
                        cut(action.connector(), FIELD_LENGTH), cut(action.operation(), FIELD_LENGTH), action.statusCode(),
                        cut(action.errorCode(), FIELD_LENGTH), keepMessage ? cut(action.message(), MESSAGE_LENGTH) : null));
            }
        }
        RunReport trimmed = new RunReport(run.flowId(), run.flowName(), run.environmentId(), run.runId(), run.failedAt(),
                null, kept, run.product(), null);
        try {
            String written = json.writeValueAsString(new ReplayInput(trimmed, history, locale));
            return written.length() <= MAX_JSON ? written : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A replay input could not be written as JSON", e);
        }
    }

    private static boolean succeeded(ReportedAction action) {
        return action.status() != null && action.status().strip().equalsIgnoreCase("succeeded");
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
