package io.flowdoctor.api;

/** A query or path parameter that cannot be read: which one, what it was, and the form it must take. */
public class InvalidParameter extends RuntimeException {

    private final String parameter;
    private final String accepted;

    public InvalidParameter(String parameter, String value, String accepted) {
        super(parameter + " must be " + accepted + ", not '" + value + "'");
        this.parameter = parameter;
        this.accepted = accepted;
    }

    public String parameter() {
        return parameter;
    }

    public String accepted() {
        return accepted;
    }
}
