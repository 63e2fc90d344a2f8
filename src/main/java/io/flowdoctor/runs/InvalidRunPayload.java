package io.flowdoctor.runs;

import java.util.List;

/**
 * A body that none of the platform shapes can read, or that a shape reads into a run the service refuses. Each
 * violation names the offending place in the body as a JSON pointer (RFC 6901), such as {@code /result/2/name}.
 */
public class InvalidRunPayload extends RuntimeException {

    /** One offending place in the body, and what is wrong with it. */
    public record Violation(String pointer, String message) {
    }

    private final List<Violation> violations;

    public InvalidRunPayload(String pointer, String message) {
        this(List.of(new Violation(pointer, message)));
    }

    public InvalidRunPayload(List<Violation> violations) {
        super(violations.isEmpty() ? "The body cannot be read"
                : violations.get(0).pointer() + " " + violations.get(0).message(), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The first offending place. */
    public String pointer() {
        return violations.isEmpty() ? "" : violations.get(0).pointer();
    }
}
