package io.flowdoctor.diagnosis;

import java.util.stream.Stream;

/**
 * Fact: an error code of the failing step, lower case: the reported error code and every code written
 * inside its message ("code":"InvalidTemplate", AADSTS50173, prvReadAccount, ...), one fact each.
 *
 * @param value as rules compare it: {@code Code(value == "invalidtemplate")}
 */
public record Code(String value) {

    /**
     * The facts of one code: as written and, when underscores join its words (RESOURCE_EXHAUSTED, SERVICE_UNAVAILABLE),
     * also with them run together, the form the same code takes where a client spells it in camel case
     * (ResourceExhausted, ServiceUnavailable). A table then names a code once, in the run-together form.
     */
    static Stream<Code> spellings(String code) {
        String runTogether = code.replace("_", "");
        return runTogether.equals(code) || runTogether.isEmpty()
                ? Stream.of(new Code(code))
                : Stream.of(new Code(code), new Code(runTogether));
    }
}
