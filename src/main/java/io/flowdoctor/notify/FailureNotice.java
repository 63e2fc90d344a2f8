package io.flowdoctor.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the repair-tips e-mail says about one diagnosed failure: everything it needs, and nothing to dig
 * out of the diagnosis or the audit.
 *
 * @param locale the language the diagnosis was written in
 * @param title the first tip's title, or the category when there is no tip
 * @param escalation who else must act; null when only the owner has to
 * @param automaticRetries how many times the platform retries by itself; null when it does not
 */
public record FailureNotice(UUID diagnosisId, String flowId, String flowName, String environmentId, String ownerEmail,
        String locale, String title, String whatHappened, List<Tip> tips, Escalation escalation,
        int failureCount, Instant firstFailedAt, String resubmitUrl, Integer automaticRetries) {

    public FailureNotice {
        tips = List.copyOf(tips);
    }

    /** A repair tip: its title and steps. */
    public record Tip(String title, List<String> steps) {
    }

    /**
     * @param level the escalation level's name (SELF_HELP, ADMIN, SUPPORT, ...); it picks the sentence that
     *        introduces the reason
     */
    public record Escalation(String level, String reason, List<Link> links) {
    }

    /** A place to get help. */
    public record Link(String title, String url) {
    }
}
