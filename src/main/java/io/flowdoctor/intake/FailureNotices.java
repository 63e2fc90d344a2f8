package io.flowdoctor.intake;

import java.util.List;

import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.diagnosis.EscalationLevel;
import io.flowdoctor.diagnosis.Resubmit;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.notify.FailureNotice;

/** What the repair-tips e-mail takes from a diagnosis and the run it answered. */
final class FailureNotices {

    private FailureNotices() {
    }

    static FailureNotice of(RunReport run, Diagnosis diagnosis) {
        return of(diagnosis, run.flowName(), run.environmentId(), run.ownerEmail(),
                run.owner() == null ? null : run.owner().displayName(), run.timeZone());
    }

    static FailureNotice of(Diagnosis diagnosis, String flowName, String environmentId, String ownerEmail) {
        return of(diagnosis, flowName, environmentId, ownerEmail, null, null);
    }

    static FailureNotice of(Diagnosis diagnosis, String flowName, String environmentId, String ownerEmail, String ownerName,
            String timeZone) {
        Diagnosis.TroubleshootingTips counts = diagnosis.repairTips().troubleshootingTips();
        Diagnosis.ResubmitItem resubmit = diagnosis.resubmit();
        return new FailureNotice(diagnosis.diagnosisId(), diagnosis.flowId(), flowName, environmentId, ownerEmail,
                diagnosis.locale(),
                diagnosis.recommendations().isEmpty() ? diagnosis.category().name()
                        : diagnosis.recommendations().get(0).title(),
                diagnosis.whatHappened(),
                diagnosis.recommendations().stream().map(FailureNotices::tip).toList(),
                escalation(diagnosis.escalation()),
                counts.failureCount(), counts.firstFailedAt(), counts.resubmitUrl(),
                resubmit.advice() == Resubmit.AUTOMATIC ? resubmit.maxAttempts() : null, ownerName,
                diagnosis.failedAction(), timeZone);
    }

    /** A tip as the e-mail shows it; an answer recorded before steps had actors shows its steps alone. */
    private static FailureNotice.Tip tip(Diagnosis.RecommendationItem tip) {
        List<FailureNotice.Step> actions = tip.stepDetails() == null ? null
                : tip.stepDetails().stream().map(step -> new FailureNotice.Step(step.text(), step.actor())).toList();
        return new FailureNotice.Tip(tip.title(), tip.steps(), actions, tip.verify(), tip.resubmitCheck());
    }

    private static FailureNotice.Escalation escalation(Diagnosis.EscalationItem escalation) {
        if (escalation.level() == EscalationLevel.NONE) {
            return null;
        }
        return new FailureNotice.Escalation(escalation.level().name(), escalation.reason() == null ? "" : escalation.reason(),
                escalation.links().stream().map(link -> new FailureNotice.Link(link.title(), link.url())).toList());
    }

    /** The notice of a failure that is part of a wider outage: the owner's e-mail says so after what happened. */
    static FailureNotice partOfOutage(FailureNotice n, String sentence) {
        return new FailureNotice(n.diagnosisId(), n.flowId(), n.flowName(), n.environmentId(), n.ownerEmail(), n.locale(),
                n.title(), n.whatHappened() + " " + sentence, n.tips(), n.escalation(), n.failureCount(),
                n.firstFailedAt(), n.resubmitUrl(), n.automaticRetries());
    }
}
