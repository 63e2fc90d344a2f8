package io.flowdoctor.diagnosis;

import java.time.Instant;

/** Fact: the run that failed, as the caller described it. */
public record FlowRun(String flowId, String flowName, String environmentId, String runId, Instant failedAt) {
}
