package io.flowdoctor.diagnosis;

import java.time.Instant;
import java.util.List;

import io.flowdoctor.knowledge.Product;

/**
 * A failed run as reported by the caller, already validated.
 *
 * @param product the product the flow runs in, which picks the tips and steps for it; null when not said
 * @param timeZone the owner's IANA time zone id for the e-mail's times; null for UTC
 */
public record RunReport(
        String flowId,
        String flowName,
        String environmentId,
        String runId,
        Instant failedAt,
        Owner owner,
        List<ReportedAction> actions,
        Product product,
        String timeZone) {

    public RunReport {
        actions = List.copyOf(actions);
    }

    /** A run that names neither its product nor a time zone. */
    public RunReport(String flowId, String flowName, String environmentId, String runId, Instant failedAt, Owner owner,
            List<ReportedAction> actions) {
        this(flowId, flowName, environmentId, runId, failedAt, owner, actions, null, null);
    }

    /** The same run, failed at the given instant. */
    public RunReport failedAt(Instant instant) {
        return new RunReport(flowId, flowName, environmentId, runId, instant, owner, actions, product, timeZone);
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
