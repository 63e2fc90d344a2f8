package io.flowdoctor.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.knowledge.Placeholders;

/** The link that resubmits a run, from the configured template; none when an id the template needs is missing. */
final class ResubmitLink {

    private ResubmitLink() {
    }

    static Optional<String> of(String template, RunReport run) {
        Map<String, String> ids = new HashMap<>();
        ids.put("environmentId", run.environmentId());
        ids.put("flowId", run.flowId());
        ids.put("runId", run.runId());
        return Placeholders.link(template, ids);
    }
}
