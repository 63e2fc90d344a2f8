package io.flowdoctor.api;

import io.flowdoctor.notify.ControlCharacters;

/** A query or path parameter that cannot be read: which one, what it was, and the form it must take. */
public class InvalidParameter extends RuntimeException {

    private final String parameter;
    private final String accepted;

    public InvalidParameter(String parameter, String value, String accepted) {
        super(parameter + " must be " + accepted + ", not '" + ControlCharacters.escape(value) + "'");
        this.parameter = parameter;
        this.accepted = accepted;
    }

    /**
     * A flow id from a path: no control characters, which would reach the log and the store, and no longer
     * than a request's flowId may be (flowdoctor.limits.max-field-length), which is what its column holds.
     */
    static String flowId(String flowId, int maxLength) {
        if (ControlCharacters.containsAny(flowId)) {
            throw new InvalidParameter("flowId", flowId, "free of control characters (line breaks, tabs, NUL, ...)");
        }
        if (flowId.length() > maxLength) {
            throw new InvalidParameter("flowId", flowId.substring(0, 40) + "...",
                    "at most " + maxLength + " characters (flowdoctor.limits.max-field-length)");
        }
        return flowId;
    }

    public String parameter() {
        return parameter;
    }

    public String accepted() {
        return accepted;
    }
}
