package io.flowdoctor.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.flowdoctor.knowledge.DisplayPath;
import io.flowdoctor.rulebase.RuleBase;

/**
 * The sample requests of samples/: every {@code *.json} is a body of {@code POST /api/v1/diagnoses}, and
 * samples/expected.yaml says, per file, what its diagnosis must say (the expectations of a scenario:
 * category, primaryRule, resubmit, escalation, ...). Each sample is diagnosed as the first failure of its flow,
 * as a scenario is.
 */
public final class Samples {

    public static final String EXPECTED = "expected.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Samples() {
    }

    /**
     * Every sample whose diagnosis differs from its expectation, every sample without one and every expectation
     * without its sample; a sample the service would refuse fails with the field it lacks.
     */
    public static List<ScenarioFailure> failures(RuleBase ruleBase, Path samplesDirectory) {
        String expectedFile = display(samplesDirectory, samplesDirectory.resolve(EXPECTED));
        Map<String, Scenario.Expectation> expected;
        List<Path> files;
        try {
            expected = YAML.readValue(samplesDirectory.resolve(EXPECTED).toFile(),
                    new TypeReference<LinkedHashMap<String, Scenario.Expectation>>() {
                    });
            files = jsonFiles(samplesDirectory);
        } catch (IOException e) {
            return List.of(new ScenarioFailure(expectedFile, "samples",
                    List.of(new Mismatch("file", "readable", e.getMessage().lines().findFirst().orElse("unreadable")))));
        }
        List<ScenarioFailure> failures = new ArrayList<>();
        Set<String> named = new TreeSet<>(expected == null ? Set.of() : expected.keySet());
        for (Path file : files) {
            String name = file.getFileName().toString();
            Scenario.Expectation expectation = named.remove(name) ? expected.get(name) : null;
            if (expectation == null) {
                failures.add(new ScenarioFailure(expectedFile, name,
                        List.of(new Mismatch("expectation", "an entry for " + name, "none"))));
                continue;
            }
            List<Mismatch> mismatches;
            try {
                RequestFile request = RequestFile.read(file);
                Scenario scenario = new Scenario(name, display(samplesDirectory, file), request.locale(), null,
                        request.run(), expectation);
                mismatches = ScenarioRunner.mismatches(ruleBase, scenario);
            } catch (RequestFile.Unreadable e) {
                mismatches = List.of(new Mismatch("request", "a body the service accepts", e.getMessage()));
            }
            if (!mismatches.isEmpty()) {
                failures.add(new ScenarioFailure(display(samplesDirectory, file), name, mismatches));
            }
        }
        for (String orphan : named) {
            failures.add(new ScenarioFailure(expectedFile, orphan,
                    List.of(new Mismatch("sample", "the file " + orphan, "no such file"))));
        }
        return failures;
    }

    /** The sample files, in name order. */
    public static List<Path> jsonFiles(Path samplesDirectory) throws IOException {
        try (Stream<Path> files = Files.list(samplesDirectory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    private static String display(Path directory, Path file) {
        return DisplayPath.of(directory, file);
    }
}
