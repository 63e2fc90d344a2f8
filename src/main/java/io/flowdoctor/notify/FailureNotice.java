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
 * @param resubmitUrl the link to resubmit the run; null when resubmitting is not advised or must wait for a check
 * @param automaticRetries how many times the platform retries by itself; null when it does not
 * @param ownerName the owner's display name to greet; null for a greeting without a name
 * @param failedAction the name of the step that failed; null when not known
 * @param timeZone the owner's IANA time zone for the times; null for UTC
 */
public record FailureNotice(UUID diagnosisId, String flowId, String flowName, String environmentId, String ownerEmail,
        String locale, String title, String whatHappened, List<Tip> tips, Escalation escalation,
        int failureCount, Instant firstFailedAt, String resubmitUrl, Integer automaticRetries, String ownerName,
        String failedAction, String timeZone) {

    public FailureNotice {
        tips = List.copyOf(tips);
    }

    /** A notice without the owner's name, the failed step or a time zone. */
    public FailureNotice(UUID diagnosisId, String flowId, String flowName, String environmentId, String ownerEmail,
            String locale, String title, String whatHappened, List<Tip> tips, Escalation escalation, int failureCount,
            Instant firstFailedAt, String resubmitUrl, Integer automaticRetries) {
        this(diagnosisId, flowId, flowName, environmentId, ownerEmail, locale, title, whatHappened, tips, escalation,
                failureCount, firstFailedAt, resubmitUrl, automaticRetries, null, null, null);
    }

    /**
     * A repair tip: its title and steps, each step with who acts (the actor's code: maker, resource-owner, ...), how to
     * confirm the fix worked, and what to check before resubmitting (null when nothing).
     */
    public record Tip(String title, List<String> steps, List<Step> actions, String verify, String resubmitCheck) {

        public Tip {
            steps = List.copyOf(steps);
            actions = actions == null ? steps.stream().map(step -> new Step(step, null)).toList() : List.copyOf(actions);
        }

        public Tip(String title, List<String> steps) {
            this(title, steps, null, null, null);
        }
    }

    /** One step and who acts in it (an actor's code; null when not known). */
    public record Step(String text, String actor) {
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
