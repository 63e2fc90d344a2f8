package io.flowdoctor.runs;

/** The payload shapes {@link RunPayloads} recognises, each from the platform that produces it. */
public enum Shape {
    /** {"workflow": workflow(), "result": result('Try')}, as the catch scope's HTTP action posts it. */
    POWER_AUTOMATE_RESULT(Platform.POWER_AUTOMATE),
    /** A bare result('Scope') (or actions-shaped) array: no workflow(), so the flow id comes from elsewhere. */
    RESULT_ARRAY(Platform.POWER_AUTOMATE),
    /** The management API's Workflow Run Actions - List answer: {"value": [{"name", "properties"}]}. */
    LOGIC_APPS_RUN_ACTIONS(Platform.LOGIC_APPS),
    /** Azure Monitor's WorkflowRuntime resource logs as an event hub receives them: {"records": [...]}. */
    LOGIC_APPS_DIAGNOSTIC_RECORDS(Platform.LOGIC_APPS);

    private final Platform platform;

    Shape(Platform platform) {
        this.platform = platform;
    }

    public Platform platform() {
        return platform;
    }
}
