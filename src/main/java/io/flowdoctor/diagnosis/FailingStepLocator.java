package io.flowdoctor.diagnosis;

import java.util.Comparator;
import java.util.List;

import io.flowdoctor.diagnosis.RunReport.ReportedAction;
import io.flowdoctor.knowledge.FailingStepHints;

/**
 * Finds the step that caused a run to fail. A scope or an ActionFailed wrapper only reports that
 * something inside failed, so the cause is the innermost failed action that carries evidence of its
 * own: reported order is run order and a wrapper fails after its children, so among the failed
 * actions that are not wrappers, the first with an error message or code wins.
 */
final class FailingStepLocator {

    private FailingStepLocator() {
    }

    static ReportedAction locate(List<ReportedAction> actions, FailingStepHints hints) {
        List<ReportedAction> failed = actions.stream().filter(action -> isFailed(action, hints)).toList();
        List<ReportedAction> candidates = failed.isEmpty() ? actions : failed;
        return candidates.stream()
                .min(Comparator.comparingInt((ReportedAction action) -> isWrapper(action, hints) ? 1 : 0)
                        .thenComparingInt(action -> hasEvidence(action) ? 0 : 1))
                .orElseThrow();
    }

    private static boolean isFailed(ReportedAction action, FailingStepHints hints) {
        String status = action.status() == null ? "failed" : Normalizer.identifier(action.status());
        return hints.failedStatuses().contains(status);
    }

    private static boolean isWrapper(ReportedAction action, FailingStepHints hints) {
        if (hints.wrapperErrorCodes().contains(Normalizer.identifier(action.errorCode()))) {
            return true;
        }
        String text = Normalizer.text(action.message());
        return hints.wrapperPhrases().stream().anyMatch(text::contains);
    }

    private static boolean hasEvidence(ReportedAction action) {
        return has(action.message()) || has(action.errorCode());
    }

    private static boolean has(String value) {
        return value != null && !value.isBlank();
    }
}
