package io.flowdoctor.diagnosis;

import java.time.Instant;
import java.util.List;

/** A failed run as reported by the caller, already validated. */
public record RunReport(
        String flowId,
        String flowName,
        String environmentId,
        String runId,
        Instant failedAt,
        Owner owner,
        List<ReportedAction> actions) {

    public RunReport {
        actions = List.copyOf(actions);
    }

    /** The flow's owner, who receives repair tips. */
    public record Owner(String email, String displayName) {
    }

    /** One action of the run as reported; every field but the name may be missing. */
    public record ReportedAction(
            String name,
            String status,
            String connector,
            String operation,
            Integer statusCode,
            String errorCode,
            String message) {
    }
}
