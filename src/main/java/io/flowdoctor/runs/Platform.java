package io.flowdoctor.runs;

/** The product a payload's shape tells: Power Automate cloud flows or Azure Logic Apps (one engine, two products). */
public enum Platform {
    POWER_AUTOMATE("power-automate"),
    LOGIC_APPS("logic-apps");

    private final String id;

    Platform(String id) {
        this.id = id;
    }

    /** The product's id as the evaluation corpus writes it: power-automate, logic-apps. */
    public String id() {
        return id;
    }
}
