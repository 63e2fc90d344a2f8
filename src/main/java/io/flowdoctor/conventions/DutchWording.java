package io.flowdoctor.conventions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.flowdoctor.knowledge.DisplayPath;
import io.flowdoctor.knowledge.Glossary;
import io.flowdoctor.rulebase.RuleProblem;

/**
 * Dutch texts speak the Dutch interface: a tip, an evidence text or a text of the e-mail in Dutch must not use an
 * English interface term the glossary translates ("run" where the Dutch interface says "uitvoering").
 */
final class DutchWording {

    /** A Dutch text on one line of a knowledge file: "nl: ..." or, in a step, "- nl: ...". */
    private static final Pattern DUTCH_LINE = Pattern.compile("^\\s*(?:- )?nl:\\s*(.+)$");

    private DutchWording() {
    }

    static List<RuleProblem> problems(Path knowledge, Glossary glossary) {
        List<Path> files = new ArrayList<>(yamlFiles(knowledge.resolve("tips")));
        files.addAll(yamlFiles(knowledge.resolve("evidence")));
        files.add(knowledge.resolve("texts.yaml"));
        List<RuleProblem> problems = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher dutch = DUTCH_LINE.matcher(lines.get(i));
                if (!dutch.matches()) {
                    continue;
                }
                String text = scalar(dutch.group(1));
                for (String term : glossary.englishTermsIn(text)) {
                    problems.add(new RuleProblem(DisplayPath.of(knowledge, file), i + 1, "Dutch text uses the English"
                            + " interface term '" + term + "'; write the Dutch interface's word (see knowledge-base/glossary,"
                            + " e.g. uitvoering for run) or refer to the glossary as [ui:<key>]"));
                }
            }
        }
        return problems;
    }

    /** The text of a YAML scalar as written on its line (quoted or plain). */
    private static String scalar(String written) {
        try {
            return new YAMLMapper().readTree("v: " + written).path("v").asText(written);
        } catch (IOException notAScalar) {
            return written;
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException unreadable) {
            return List.of(); // the knowledge base's loader reports it
        }
    }

    private static List<Path> yamlFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
