package io.flowdoctor.knowledge;

import java.util.Set;

/**
 * How to tell the failing step from its wrappers (knowledge-base/failing-step.yaml). All values are
 * lower case, as the normalised action fields are.
 *
 * @param failedStatuses action statuses that count as failed
 * @param wrapperErrorCodes error codes that only report a failure inside, such as actionfailed
 * @param wrapperPhrases message phrases of such wrappers
 */
public record FailingStepHints(Set<String> failedStatuses, Set<String> wrapperErrorCodes, Set<String> wrapperPhrases) {
}
