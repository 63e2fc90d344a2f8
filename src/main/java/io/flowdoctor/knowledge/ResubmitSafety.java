package io.flowdoctor.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether resubmitting the whole run is safe once the tip is followed (see KNOWLEDGE.md). */
public enum ResubmitSafety implements Coded {
    SAFE("safe"),
    CHECK_FIRST("check-first"),
    NEVER("never");

    private final String code;

    ResubmitSafety(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}
