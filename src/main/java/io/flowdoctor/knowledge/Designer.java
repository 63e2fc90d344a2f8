package io.flowdoctor.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;

/** The flow designer a tip is written for. */
public enum Designer implements Coded {
    NEW("new"),
    CLASSIC("classic");

    private final String code;

    Designer(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}
