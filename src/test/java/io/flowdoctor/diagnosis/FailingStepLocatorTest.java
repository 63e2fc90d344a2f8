package io.flowdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.flowdoctor.diagnosis.RunReport.ReportedAction;
import io.flowdoctor.knowledge.FailingStepHints;

class FailingStepLocatorTest {

    private final FailingStepHints hints = new FailingStepHints(Set.of("failed", "timedout"), Set.of("actionfailed"),
            Set.of("an action failed. no dependent actions succeeded"));

    @Test
    void aWrapperGivesWayToTheActionInside() {
        var scope = action("Scope", "Failed", "ActionFailed", "An action failed. No dependent actions succeeded.");
        var inner = action("Get items", "Failed", null, "Unauthorized");
        assertEquals(inner, FailingStepLocator.locate(List.of(scope, inner), hints));
    }

    @Test
    void aWrapperRecognisedByItsMessageAlone() {
        var scope = action("Try", "Failed", null, "An action failed.  No dependent actions succeeded.");
        var inner = action("HTTP", "Failed", null, "Bad Gateway");
        assertEquals(inner, FailingStepLocator.locate(List.of(scope, inner), hints));
    }

    @Test
    void theFirstFailedActionWithEvidenceIsTheCause() {
        var silent = action("Compose", "Failed", null, null);
        var first = action("Get row", "Failed", "NotFound", null);
        var later = action("Update row", "Failed", null, "Bad Request");
        assertEquals(first, FailingStepLocator.locate(List.of(silent, first, later), hints));
    }

    @Test
    void succeededActionsAreNeverTheCause() {
        var succeeded = action("HTTP", "Succeeded", null, "Unauthorized");
        var failed = action("Send", null, null, null);
        assertEquals(failed, FailingStepLocator.locate(List.of(succeeded, failed), hints));
    }

    @Test
    void withoutAnyFailedActionTheBestEvidenceIsUsed() {
        var skipped = action("Condition", "Skipped", null, null);
        var cancelled = action("HTTP", "Cancelled", null, "Cancelled by user");
        assertEquals(cancelled, FailingStepLocator.locate(List.of(skipped, cancelled), hints));
    }

    private static ReportedAction action(String name, String status, String errorCode, String message) {
        return new ReportedAction(name, status, null, null, null, errorCode, message);
    }
}
