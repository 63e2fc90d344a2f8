package io.flowdoctor.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where to get help (knowledge-base/support.yaml): self-help, contact support, community, and how a
 * support request is filled in.
 *
 * @param problemType the support form's problem type for failed runs
 * @param supportCategories the support form's category per diagnosis category
 * @param descriptionTemplate per language; {placeholders} are filled from the failure
 */
public record SupportSettings(
        List<SupportLink> links,
        String problemType,
        Map<String, String> supportCategories,
        Map<Language, String> descriptionTemplate) {

    /** A place to get help (kind SELF_HELP, CONTACT_SUPPORT or COMMUNITY), shown at the escalation levels listed. */
    public record SupportLink(String kind, String url, Map<Language, String> title, Set<String> levels) {

        public SupportLink {
            levels = levels == null ? Set.of() : Set.copyOf(levels);
        }
    }
}
