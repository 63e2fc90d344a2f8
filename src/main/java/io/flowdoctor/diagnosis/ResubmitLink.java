package io.flowdoctor.diagnosis;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The link that resubmits a run, from the configured template; none when the template or an id it needs is missing. */
final class ResubmitLink {

    private ResubmitLink() {
    }

    static String of(Optional<String> template, RunReport run) {
        if (template.isEmpty()) {
            return null;
        }
        String link = template.get();
        Map<String, String> ids = new HashMap<>();
        ids.put("environmentId", run.environmentId());
        ids.put("flowId", run.flowId());
        ids.put("runId", run.runId());
        for (var id : ids.entrySet()) {
            String placeholder = "{" + id.getKey() + "}";
            if (link.contains(placeholder)) {
                if (id.getValue() == null || id.getValue().isBlank()) {
                    return null;
                }
                link = link.replace(placeholder, URLEncoder.encode(id.getValue(), StandardCharsets.UTF_8));
            }
        }
        return link;
    }
}
