package io.flowdoctor.security;

import java.util.List;

/** Who may do what: services diagnose, analysts look after the rules, support works the audit and cases. */
public final class Roles {

    public static final String SERVICE = "service";
    public static final String ANALYST = "analyst";
    public static final String SUPPORT = "support";

    public static final List<String> ALL = List.of(SERVICE, ANALYST, SUPPORT);

    private Roles() {
    }
}
