package io.flowdoctor.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** ./check-rules as an analyst runs it. */
class RuleCheckTest {

    private static final String MANAGER_SAMPLE = "samples/connectors-office365users-no-manager.json";

    @TempDir
    Path workspace;

    @Test
    void diagnoseFilePrintsTheAnswerAndWhyEachRuleFired() {
        Output output = run("--diagnose", MANAGER_SAMPLE);

        assertEquals(0, output.exitCode(), output.text());
        String text = output.text();
        assertTrue(text.contains("failure count 1, no history"), text);
        assertTrue(text.contains("Failed action:   Get manager (V2)"), text);
        assertTrue(text.contains("Category:        DATA"), text);
        assertTrue(text.contains("DATA by O365U-001 (CONNECTOR)"), text);
        assertTrue(text.contains("Give the user a manager in Microsoft Entra ID (tip office365users.set-manager"), text);
        assertTrue(text.contains("Resubmit:        AFTER_FIX (rule RESUBMIT-001)"), text);
        assertTrue(text.contains("  O365U-001 \"Get manager fails with not found when the user has no manager\""
                + " (rules/connectors/office365users.drl)"), text);
        assertTrue(
                text.contains("    matched FailedAction(name=Get manager (V2), connector=office365users, operation=manager_v2,"
                        + " statusCode=404"),
                text);
        assertTrue(text.contains("    evidence: Get manager answered 404"), text);
    }

    @Test
    void diagnoseInDutchWhenTheRequestAsksForIt() {
        Output output = run("--diagnose", "samples/generic-access-denied-nl.json");

        assertEquals(0, output.exitCode(), output.text());
        assertTrue(output.text().contains("language nl"), output.text());
        assertTrue(output.text().contains("Category:        LICENSING_OR_PERMISSION"), output.text());
    }

    @Test
    void diagnoseAsJsonAnswersAsTheApiDoes() throws IOException {
        Output output = run("--diagnose", MANAGER_SAMPLE, "--json");

        assertEquals(0, output.exitCode(), output.text());
        JsonNode answer = new ObjectMapper().readTree(output.text());
        assertEquals("DATA", answer.get("category").asText());
        assertEquals("2026-11-27T10:15:00Z", answer.get("repairTips").get("when").asText());
        assertEquals(1, answer.get("repairTips").get("troubleshootingTips").get("failureCount").asInt());
        assertTrue(answer.get("explanation").findValuesAsText("ruleId").contains("O365U-001"), output.text());
    }

    @Test
    void aRequestTheServiceWouldRefuseNamesTheField() throws IOException {
        Path request = Files.writeString(workspace.resolve("request.json"), "{\"flowId\": \"f\", \"actions\": []}");

        Output output = run("--diagnose", request.toString());

        assertEquals(2, output.exitCode());
        assertEquals("ERROR " + request + ": actions must be an array of at least one action\n", output.text());
    }

    private record Output(int exitCode, String text) {
    }

    private static Output run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exitCode = RuleCheck.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Output(exitCode, bytes.toString(StandardCharsets.UTF_8));
    }
}
