package io.flowdoctor.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who acts in a step of a tip. */
public enum Actor implements Coded {
    MAKER("maker"),
    FLOW_OWNER("flow-owner"),
    RESOURCE_OWNER("resource-owner"),
    ENVIRONMENT_ADMIN("environment-admin"),
    TENANT_ADMIN("tenant-admin"),
    SUPPORT("support");

    private final String code;

    Actor(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}
