package io.flowdoctor.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.flowdoctor.diagnosis.RunReport;

/**
 * The ready-made integration in integration/ is valid JSON and does what its README says: the catch scope (as a
 * definition snippet and in the new designer's clipboard form) runs after Try failed or timed out and posts workflow()
 * and result('Try') in the shape Flow Doctor reads; the ARM template, like the Bicep file, streams the WorkflowRuntime
 * category to an event hub.
 */
class IntegrationFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path INTEGRATION = Path.of("integration");

    private static JsonNode read(String file) throws IOException {
        return JSON.readTree(Files.readString(INTEGRATION.resolve(file)));
    }

    @Test
    void theCatchScopeRunsAfterTryFailedOrTimedOutAndPostsWorkflowAndResult() throws IOException {
        JsonNode scope = read("power-automate/catch-scope.json").get("Catch");

        assertEquals("Scope", scope.get("type").asText());
        assertEquals(JSON.readTree("[\"Failed\", \"TimedOut\"]"), scope.at("/runAfter/Try"));
        JsonNode post = httpAction(scope);
        assertEquals("POST", post.at("/inputs/method").asText());
        assertTrue(post.at("/inputs/uri").asText().endsWith("/api/v1/runs/diagnoses"), post.toString());
        assertEquals("@workflow()", post.at("/inputs/body/workflow").asText());
        assertEquals("@result('Try')", post.at("/inputs/body/result").asText());
        assertTrue(post.at("/inputs/headers/X-API-Key").asText().contains("parameters("), "the key comes from a parameter");
    }

    @Test
    void theBodyTheCatchScopePostsIsReadAsPowerAutomatesPayload() throws IOException {
        ObjectNode body = (ObjectNode) httpAction(read("power-automate/catch-scope.json").get("Catch")).at("/inputs/body")
                .deepCopy();
        // What the engine puts in place of the two expressions when the run fails: a real run's workflow() and result().
        JsonNode run = RunPayloadsTest.fixture("power-automate/office365users-no-manager.json");
        body.set("workflow", run.get("workflow"));
        body.set("result", run.get("result"));

        List<RunPayload> read = RunPayloads.read(body);

        assertEquals(1, read.size());
        RunReport report = read.get(0).report();
        assertEquals(Shape.POWER_AUTOMATE_RESULT, read.get(0).shape());
        assertEquals(run.at("/workflow/name").asText(), report.flowId());
        assertEquals(run.at("/workflow/run/name").asText(), report.runId());
        assertEquals("maker@contoso.com", report.owner().email());
        assertEquals("Get manager (V2)", report.actions().get(0).name());
    }

    @Test
    void theClipboardFormHoldsTheSameScopeAsTheNewDesignerCopiesIt() throws IOException {
        JsonNode clipboard = read("power-automate/catch-scope.clipboard.json");

        // The designer pastes only text whose JSON has mslaNode; a scope carries its whole definition.
        assertTrue(clipboard.get("mslaNode").asBoolean());
        assertTrue(clipboard.get("isScopeNode").asBoolean());
        assertEquals("Catch", clipboard.get("nodeId").asText());
        assertTrue(clipboard.get("allConnectionData").isObject(), "the HTTP action needs no connection");
        assertTrue(clipboard.get("staticResults").isObject());
        assertEquals(read("power-automate/catch-scope.json").get("Catch"), clipboard.get("serializedOperation"),
                "the clipboard form and the definition snippet are one scope");
    }

    @Test
    void theArmTemplateStreamsWorkflowRuntimeToAnEventHubAsTheBicepFileDoes() throws IOException {
        JsonNode template = read("logic-apps/workflow-runtime-to-event-hub.json");

        assertTrue(template.get("$schema").asText().contains("deploymentTemplate.json"), "an ARM deployment template");
        JsonNode setting = resource(template, "Microsoft.Insights/diagnosticSettings");
        assertEquals("[format('Microsoft.Logic/workflows/{0}', parameters('logicAppName'))]", setting.get("scope").asText(),
                "set on the Logic App");
        JsonNode logs = setting.at("/properties/logs");
        assertEquals(1, logs.size());
        assertEquals("WorkflowRuntime", logs.get(0).get("category").asText());
        assertTrue(logs.get(0).get("enabled").asBoolean());
        assertEquals("[parameters('eventHubName')]", setting.at("/properties/eventHubName").asText());
        String rule = setting.at("/properties/eventHubAuthorizationRuleId").asText();
        assertTrue(rule.contains("'Microsoft.EventHub/namespaces/authorizationRules'"), rule);

        JsonNode hub = resource(template, "Microsoft.EventHub/namespaces/eventhubs");
        assertTrue(hub.get("name").asText().contains("parameters('eventHubName')"), "the event hub it sends to is made");
        JsonNode rights = resource(template, "Microsoft.EventHub/namespaces/authorizationRules").at("/properties/rights");
        assertEquals(JSON.readTree("[\"Manage\", \"Send\", \"Listen\"]"), rights, "the rights Azure Monitor needs");

        // One template in two languages: the same parameters, and the same diagnostic setting name and category.
        String bicep = Files.readString(INTEGRATION.resolve("logic-apps/workflow-runtime-to-event-hub.bicep"));
        Set<String> bicepParameters = new TreeSet<>();
        Matcher param = Pattern.compile("(?m)^param (\\w+) ").matcher(bicep);
        while (param.find()) {
            bicepParameters.add(param.group(1));
        }
        Set<String> armParameters = new TreeSet<>();
        template.get("parameters").fieldNames().forEachRemaining(armParameters::add);
        assertEquals(bicepParameters, armParameters);
        assertTrue(bicep.contains("name: '" + setting.get("name").asText() + "'"), "the same setting name");
        assertTrue(bicep.contains("category: 'WorkflowRuntime'"));
    }

    private static JsonNode httpAction(JsonNode scope) {
        List<JsonNode> http = new ArrayList<>();
        scope.get("actions").forEach(action -> {
            if ("Http".equals(action.get("type").asText())) {
                http.add(action);
            }
        });
        assertEquals(1, http.size(), "one HTTP action in the catch scope");
        return http.get(0);
    }

    private static JsonNode resource(JsonNode template, String type) {
        List<JsonNode> found = new ArrayList<>();
        template.get("resources").forEach(resource -> {
            if (type.equals(resource.get("type").asText())) {
                found.add(resource);
            }
        });
        assertEquals(1, found.size(), "one " + type);
        return found.get(0);
    }
}
