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

    /** The same run, failed at the given instant. */
    public RunReport failedAt(Instant instant) {
        return new RunReport(flowId, flowName, environmentId, runId, instant, owner, actions);
    }

    /** The owner's e-mail address, or null when the request names none. */
    public String ownerEmail() {
        return owner == null ? null : owner.email();
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
