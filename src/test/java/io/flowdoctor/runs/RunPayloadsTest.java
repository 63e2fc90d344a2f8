package io.flowdoctor.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.diagnosis.RunReport.ReportedAction;

/** Each shape read from real-shaped payloads (src/test/resources/payloads, cited in SOURCES.md), odd ones too. */
class RunPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode fixture(String name) {
        try (InputStream in = RunPayloadsTest.class.getResourceAsStream("/payloads/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static RunPayload one(String name) {
        List<RunPayload> runs = RunPayloads.read(fixture(name));
        assertEquals(1, runs.size());
        return runs.get(0);
    }

    @Test
    void aCatchScopesBodyNamesFlowRunAndEnvironmentFromWorkflowAndTheConnectorFromTheHost() {
        RunPayload run = one("power-automate/office365users-no-manager.json");
        RunReport report = run.report();
        assertEquals(Shape.POWER_AUTOMATE_RESULT, run.shape());
        assertEquals(Platform.POWER_AUTOMATE, run.shape().platform());
        assertEquals("5f8d3a1e-0c3b-4a8e-9d58-6b2b1d2f7c10", report.flowId());
        assertEquals("Leave request", report.flowName());
        assertEquals("Default-7c1f4a52-3b8d-4e9a-a6f0-2d5e8b9c1a34", report.environmentId());
        assertEquals("08584791063420374937", report.runId());
        assertEquals(Instant.parse("2026-11-27T10:15:00Z"), report.failedAt());
        // The skipped approval is left out: only failed actions are reported.
        assertEquals(List.of(new ReportedAction("Get manager (V2)", "Failed",
                "shared_office365users", "Manager_V2", 404, null, "No manager found for the specified user.")),
                report.actions());
        assertEquals("/result/0/outputs/body/message", run.pointerOf("actions[0].message"));
        assertEquals("/result/0/inputs/host/apiId", run.pointerOf("actions[0].connector"));
        assertEquals("/workflow/tags/flowDisplayName", run.pointerOf("flowName"));
    }

    @Test
    void aBareResultArrayIsOneRunWithoutAFlowAndTheServicesOwnCodeIsTheErrorCode() {
        RunPayload run = one("power-automate/learn-result-item-http-not-found.json");
        assertEquals(Shape.RESULT_ARRAY, run.shape());
        assertNull(run.report().flowId());
        assertEquals(List.of(new ReportedAction("Example Action That Failed", "Failed", null,
                null, 404, "ResourceNotFound", "/docs/folder-name/resource-name does not exist")), run.report().actions());
        assertEquals("orders", run.withFlowId("orders").report().flowId());
    }

    @Test
    void anOdataErrorGivesItsCodeAndMessageValueAndLocaleAndOwnerComeAlong() {
        RunPayload run = one("power-automate/sharepoint-list-view-threshold-odata.json");
        ReportedAction action = run.report().actions().get(0);
        assertEquals("shared_sharepointonline", action.connector());
        assertEquals("GetItems", action.operation());
        assertEquals(500, action.statusCode());
        assertEquals("-2147024860, Microsoft.SharePoint.SPQueryThrottledException", action.errorCode());
        assertEquals(
                "The attempted operation is prohibited because it exceeds the list view threshold.", action.message());
        assertEquals("nl", run.locale());
        assertEquals(new RunReport.Owner("finance-automation@contoso.com",
                "Finance automation"), run.report().owner());
    }

    @Test
    void aLoopsRepetitionsAreReadAsOneListAndTheSameFailureCountsOnce() {
        RunPayload run = one("power-automate/nested-scope-and-foreach.json");
        assertEquals(List.of("Apply to each", "Send an email (V2)"),
                run.report().actions().stream().map(ReportedAction::name).toList());
        ReportedAction email = run.report().actions().get(1);
        assertEquals("ErrorAccessDenied", email.errorCode());
        assertEquals("Access is denied. Check credentials and try again.", email.message());
        assertEquals(403, email.statusCode());
        assertEquals("/result/3/0/outputs/body/error/message", run.pointerOf("actions[1].message"));
        assertEquals(Instant.parse("2026-11-28T07:00:09.9Z"), run.report().failedAt());
    }

    @Test
    void aPlainStringBodyIsTheMessageAndAnActionWithoutAnErrorKeepsItsStatus() {
        RunPayload run = one("power-automate/string-body-and-missing-error.json");
        assertEquals(List.of(
                new ReportedAction("HTTP", "Failed", null, null, 503, null, "Service Unavailable"),
                new ReportedAction("Compose", "Failed", null, null, 400, null, null)), run.report().actions());
    }

    @Test
    void aBuiltInActionsErrorGivesCodeAndMessage() {
        ReportedAction action = one("power-automate/expression-failure-builtin.json").report().actions().get(0);
        assertEquals("InvalidTemplate", action.errorCode());
        assertNull(action.statusCode());
        assertTrue(action.message().contains("property 'Department' doesn't exist"), action.message());
    }

    @Test
    void theRunActionsListNamesWorkflowAndRunFromTheActionsIds() {
        RunPayload run = one("logic-apps/run-actions-list-failed.json");
        assertEquals(Platform.LOGIC_APPS, run.shape().platform());
        assertEquals(
                "/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourcegroups/test-resource-group/providers/microsoft.logic/workflows/order-intake",
                run.report().flowId());
        assertEquals("order-intake", run.report().flowName());
        assertEquals("08584790999887766554433221100CU07", run.report().runId());
        assertEquals(List.of("Get secret", "Scope"), run.report().actions().stream().map(ReportedAction::name).toList());
        ReportedAction secret = run.report().actions().get(0);
        assertEquals(403, secret.statusCode());
        assertEquals("Forbidden", secret.errorCode());
        assertTrue(secret.message().contains("does not have secrets get permission on key vault"), secret.message());
    }

    @Test
    void aRunActionsListWithoutAFailureIsRefusedNamingTheList() {
        InvalidRunPayload e = assertThrows(InvalidRunPayload.class,
                () -> RunPayloads.read(fixture("logic-apps/run-actions-list-rest-example.json")));
        assertEquals("/value", e.pointer());
        assertTrue(e.getMessage().contains("no action that failed"), e.getMessage());
    }

    @Test
    void workflowRuntimeRecordsGiveOneRunPerFailedRunAndLeaveOutStartedActions() {
        List<RunPayload> runs = RunPayloads.read(fixture("logic-apps/workflow-runtime-records-learn.json"));
        assertEquals(1, runs.size());
        RunReport report = runs.get(0).report();
        assertEquals(Shape.LOGIC_APPS_DIAGNOSTIC_RECORDS, runs.get(0).shape());
        assertEquals(
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/johnkemtest/providers/microsoft.logic/workflows/johnkemtestla",
                report.flowId());
        assertEquals("JohnKemTestLA", report.flowName());
        assertEquals("08587330013509921957", report.runId());
        assertEquals(Instant.parse("2016-07-15T18:00:22.4109204Z"), report.failedAt());
        assertEquals(List.of(new ReportedAction("Send email", "Failed", null, null, 502, null, null)), report.actions());
    }

    @Test
    void recordsOfOneRunInTwoBodiesAreDiagnosedFromTheFailedActionsOwnRecordOnly() {
        assertTrue(RunPayloads.read(fixture("logic-apps/workflow-runtime-records-split-run-1.json")).isEmpty());
        List<RunPayload> second = RunPayloads.read(fixture("logic-apps/workflow-runtime-records-split-run-2.json"));
        assertEquals(1, second.size());
        assertEquals("08584790888877776666555544443CU11", second.get(0).report().runId());
        assertEquals(List.of(new ReportedAction("Insert row", "Failed", null, null,
                400, "BadRequest", "Cannot open database \"invoices\" requested by the login. The login failed.")),
                second.get(0).report().actions());
    }

    @Test
    void malformedBodiesAreRefusedNamingThePlaceByItsJsonPointer() throws IOException {
        assertPointer("\"text\"", "");
        assertPointer("{\"flowId\": \"x\", \"actions\": []}", "");
        assertPointer("{\"workflow\": {\"name\": \"f\"}}", "/result");
        assertPointer("{\"workflow\": {\"name\": \"f\"}, \"result\": {\"name\": \"x\"}}", "/result");
        assertPointer("{\"workflow\": {\"name\": \"f\"}, \"result\": [{\"status\": \"Failed\"}]}", "/result/0/name");
        assertPointer("{\"workflow\": {\"tags\": {}}, \"result\": [{\"name\": \"a\", \"status\": \"Failed\"}]}",
                "/workflow/name");
        assertPointer("{\"workflow\": {\"name\": \"f\"}, \"result\": [{\"name\": \"a\", \"status\": \"Failed\","
                + " \"outputs\": {\"statusCode\": \"teapot\"}}]}", "/result/0/outputs/statusCode");
        assertPointer("{\"workflow\": {\"name\": \"f\"}, \"result\": [{\"name\": {\"x\": 1}, \"status\": \"Failed\"}]}",
                "/result/0/name");
        assertPointer("{\"workflow\": {\"name\": \"f\"}, \"result\": [{\"name\": \"a\", \"status\": \"Failed\","
                + " \"endTime\": \"yesterday\"}]}", "/result/0/endTime");
        assertPointer("{\"value\": [{\"name\": \"a\"}]}", "/value/0/properties");
        assertPointer("{\"value\": [{\"name\": \"a\", \"properties\": {\"status\": \"Failed\"}}]}", "/value/0/id");
        assertPointer("{\"records\": {}}", "/records");
        assertPointer("{\"records\": [{\"operationName\": \"Microsoft.Logic/workflows/workflowActionCompleted\","
                + " \"resourceId\": \"/x\", \"properties\": {\"status\": \"Failed\"}}]}", "/records/0/resourceId");
    }

    private static void assertPointer(String body, String pointer) throws IOException {
        JsonNode node = JSON.readTree(body);
        InvalidRunPayload e = assertThrows(InvalidRunPayload.class, () -> RunPayloads.read(node), body);
        assertEquals(pointer, e.pointer(), body);
    }
}
