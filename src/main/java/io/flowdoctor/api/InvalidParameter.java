package io.flowdoctor.api;

/** A query parameter or body field whose value is not one of the accepted form: 400 naming it. */
class InvalidParameter extends RuntimeException {

    private final String parameter;

    InvalidParameter(String parameter, String value, String accepted) {
        super(parameter + " must be " + accepted + " (was '" + value + "')");
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
