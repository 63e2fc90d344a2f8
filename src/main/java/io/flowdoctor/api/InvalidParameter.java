package io.flowdoctor.api;

import io.flowdoctor.notify.ControlCharacters;

/** A query parameter or body field whose value is not one of the accepted form: 400 naming it. */
class InvalidParameter extends RuntimeException {

    private final String parameter;

    InvalidParameter(String parameter, String value, String accepted) {
        super(parameter + " must be " + accepted + " (was '" + ControlCharacters.escape(value) + "')");
        this.parameter = parameter;
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

    String parameter() {
        return parameter;
    }
}
