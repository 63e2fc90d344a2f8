package io.flowdoctor.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where to get help (knowledge-base/support.yaml): self-help, contact support, community, and how a
 * support request is filled in.
 *
 * @param problemType the support form's problem type for failed runs
 * @param supportCategories the support form's category per diagnosis category
 * @param descriptionTemplate per language; {placeholders} are filled from the failure
 */
public record SupportSettings(
        @JsonProperty(required = true) List<SupportLink> links,
        @JsonProperty(required = true) String problemType,
        @JsonProperty(required = true) Map<String, String> supportCategories,
        @JsonProperty(required = true) Map<Language, String> descriptionTemplate) {

    /** A place to get help (kind SELF_HELP, CONTACT_SUPPORT or COMMUNITY), shown at the escalation levels listed. */
    public record SupportLink(@JsonProperty(required = true) String kind, @JsonProperty(required = true) String url,
            @JsonProperty(required = true) Map<Language, String> title,
            Set<String> levels) {

        public SupportLink {
            levels = levels == null ? Set.of() : Set.copyOf(levels);
        }
    }
}
