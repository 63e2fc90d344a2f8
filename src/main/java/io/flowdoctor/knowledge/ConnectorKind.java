package io.flowdoctor.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a tip is about a managed (shared) or a built-in connector. */
public enum ConnectorKind implements Coded {
    MANAGED("managed"),
    BUILT_IN("built-in");

    private final String code;

    ConnectorKind(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}
