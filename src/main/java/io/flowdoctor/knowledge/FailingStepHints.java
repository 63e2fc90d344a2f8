package io.flowdoctor.knowledge;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How to tell the failing step from its wrappers (knowledge-base/failing-step.yaml). All values are
 * lower case, as the normalised action fields are.
 *
 * @param failedStatuses action statuses that count as failed
 * @param wrapperErrorCodes error codes that only report a failure inside, such as actionfailed
 * @param wrapperPhrases message phrases of such wrappers
 */
public record FailingStepHints(@JsonProperty(required = true) Set<String> failedStatuses,
        @JsonProperty(required = true) Set<String> wrapperErrorCodes,
        @JsonProperty(required = true) Set<String> wrapperPhrases) {
}
