package io.flowdoctor.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.flowdoctor.knowledge.DisplayPath;

/** Reads every *.yaml under knowledge-base/scenarios. */
public final class ScenarioLoader {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ScenarioLoader() {
    }

    public static List<ScenarioFile> load(Path scenariosDirectory) {
        try {
            List<ScenarioFile> files = new ArrayList<>();
            for (Path path : yamlFiles(scenariosDirectory)) {
                files.add(read(scenariosDirectory, path));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first file, in path order, that has a case; the files after it are not read. */
    public static Optional<ScenarioFile> first(Path scenariosDirectory) {
        try {
            for (Path path : yamlFiles(scenariosDirectory)) {
                ScenarioFile file = read(scenariosDirectory, path);
                if (!file.cases().isEmpty()) {
                    return Optional.of(file);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> yamlFiles(Path scenariosDirectory) throws IOException {
        try (Stream<Path> paths = Files.walk(scenariosDirectory)) {
            return paths.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static ScenarioFile read(Path scenariosDirectory, Path path) throws IOException {
        String name = scenariosDirectory.getParent().getFileName() + "/" + DisplayPath.of(scenariosDirectory, path);
        try {
            ScenarioFile parsed = YAML.readValue(path.toFile(), ScenarioFile.class);
            return new ScenarioFile(name, parsed.family(), parsed.cases());
        } catch (IOException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
    }
}
