package io.flowdoctor.runs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Logic Apps resource id, /subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.Logic/workflows/{w}/runs/{r}...,
 * in whatever case it comes (resource logs write it in capitals). The flow id is the workflow's resource id in lower
 * case, so every shape of one workflow counts as one flow.
 */
record ResourceId(String workflow, String workflowName, String run) {

    private static final Pattern ID = Pattern.compile(
            "(?i)^(/subscriptions/[^/]+/resourcegroups/[^/]+/providers/microsoft\\.logic/workflows/([^/]+))(?:/runs/([^/]+))?.*$");

    /** The ids in the value, or null when it is absent or no workflow's resource id. */
    static ResourceId of(At at) {
        String text = at.text();
        if (text == null) {
            return null;
        }
        Matcher matcher = ID.matcher(text.strip());
        if (!matcher.matches()) {
            return null;
        }
        return new ResourceId(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2), matcher.group(3));
    }
}
