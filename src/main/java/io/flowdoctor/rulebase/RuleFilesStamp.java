package io.flowdoctor.rulebase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every file and directory of a rule set with its size and modification time. Content names a version; this tells
 * whether anything was written at all between two moments, also an edit that a second edit undid while a compile
 * read the files (the content would name the version the compile did not read).
 */
public record RuleFilesStamp(List<String> entries) {

    public static RuleFilesStamp of(Path... directories) {
        List<String> entries = new ArrayList<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                entries.add(directory + " absent"); // the compile reports it
                continue;
            }
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted().toList()) {
                    entries.add(path + " " + stamp(path));
                }
            } catch (IOException | UncheckedIOException e) {
                entries.add(directory + " unreadable: " + e.getMessage());
            }
        }
        return new RuleFilesStamp(List.copyOf(entries));
    }

    private static String stamp(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.size() + " " + attributes.lastModifiedTime(); // as fine as the file system keeps it
        } catch (IOException goneWhileListed) {
            return "gone";
        }
    }
}
