package io.flowdoctor.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;

/** The products a tip or a step applies to, and that a request may name. */
public enum Product implements Coded {
    POWER_AUTOMATE("power-automate"),
    LOGIC_APPS_CONSUMPTION("logic-apps-consumption"),
    LOGIC_APPS_STANDARD("logic-apps-standard");

    private final String code;

    Product(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}
