package io.flowdoctor.rulebase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import io.flowdoctor.knowledge.DisplayPath;

/** The sha256 that names a rule set: over every file's relative path and content, in path order. */
final class RuleSetVersion {

    /** The evaluation corpus under knowledge-base/: no part of a rule set. */
    private static final String EVALUATION = "evaluation";

    private RuleSetVersion() {
    }

    static String of(Path... directories) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (Path directory : directories) {
                for (Path file : regularFiles(directory)) {
                    if (file.startsWith(directory.resolve(EVALUATION))) {
                        continue; // measures the rules, never used by them
                    }
                    String name = DisplayPath.of(directory, file);
                    sha256.update(name.getBytes(StandardCharsets.UTF_8));
                    sha256.update((byte) 0);
                    sha256.update(Files.readAllBytes(file));
                    sha256.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static List<Path> regularFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
