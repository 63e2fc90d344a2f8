package io.flowdoctor.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.TestFiles;

/** Every request of samples/ gets the diagnosis samples/expected.yaml names for it. */
class SamplesTest {

    private static final Path SAMPLES = Path.of("samples");

    @TempDir
    Path workspace;

    @Test
    void everySampleIsDiagnosedAsExpected() throws IOException {
        assertTrue(Samples.jsonFiles(SAMPLES).size() >= 10, "samples: " + Samples.jsonFiles(SAMPLES));
        assertEquals(List.of(), Samples.failures(ProjectRuleBase.get(), SAMPLES));
    }

    @Test
    void aSampleWhoseAnswerDiffersFromItsExpectationFails() {
        Path samples = TestFiles.copyTree(SAMPLES, workspace.resolve("samples"));
        TestFiles.replace(samples.resolve(Samples.EXPECTED), "{ category: DATA, primaryRule: O365U-001",
                "{ category: TRANSIENT, primaryRule: O365U-001");

        List<ScenarioFailure> failures = Samples.failures(ProjectRuleBase.get(), samples);

        assertEquals(1, failures.size(), failures.toString());
        assertEquals("samples/connectors-office365users-no-manager.json", failures.get(0).file());
        assertEquals(List.of(new Mismatch("category", "TRANSIENT", "DATA")), failures.get(0).mismatches());
    }

    @Test
    void aSampleWithoutAnExpectationAndAnExpectationWithoutASampleFail() throws IOException {
        Path samples = TestFiles.copyTree(SAMPLES, workspace.resolve("samples"));
        Files.copy(samples.resolve("codes-http-status-bare-429.json"), samples.resolve("new-sample.json"));
        Files.delete(samples.resolve("platform-dlp-policy.json"));

        List<String> failures = Samples.failures(ProjectRuleBase.get(), samples).stream().map(ScenarioFailure::toString)
                .toList();

        assertEquals(List.of(
                "samples/expected.yaml: scenario 'new-sample.json'\n    expectation: expected an entry for new-sample.json, but was none",
                "samples/expected.yaml: scenario 'platform-dlp-policy.json'\n    sample: expected the file platform-dlp-policy.json, but was no such file"),
                failures);
    }

    @Test
    void aSampleTheServiceWouldRefuseFailsNamingTheField() throws IOException {
        Path samples = TestFiles.copyTree(SAMPLES, workspace.resolve("samples"));
        Files.writeString(samples.resolve("codes-http-status-bare-429.json"),
                "{\"flowId\": \"x\", \"actions\": [{\"statusCode\": 429}]}");

        List<ScenarioFailure> failures = Samples.failures(ProjectRuleBase.get(), samples);

        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).mismatches().get(0).actual().endsWith("actions[0].name must not be blank"),
                failures.toString());
    }
}
