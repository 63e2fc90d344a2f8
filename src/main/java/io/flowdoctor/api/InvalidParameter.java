package io.flowdoctor.api;

import io.flowdoctor.notify.ControlCharacters;

/** A query parameter or body field whose value is not one of the accepted form: 400 naming it. */
class InvalidParameter extends RuntimeException {

    private final String parameter;

    InvalidParameter(String parameter, String value, String accepted) {
        super(parameter + " must be " + accepted + " (was '" + ControlCharacters.escape(value) + "')");
        this.parameter = parameter;
    }

    /** A flow id from a path: no control characters, which would reach the log and the store. */
    static String flowId(String flowId) {
        if (ControlCharacters.containsAny(flowId)) {
            throw new InvalidParameter("flowId", flowId, "free of control characters (line breaks, tabs, NUL, ...)");
        }
        return flowId;
    }

    String parameter() {
        return parameter;
    }
}
