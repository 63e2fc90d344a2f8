package io.flowdoctor.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.flowdoctor.FlowDoctorConfig;
import io.quarkus.runtime.Startup;

/**
 * The data directory is the service's alone: owner-only (0700), and so is everything in it (files 0600,
 * directories 0700). The embedded database creates its own files with the process' umask, so they are
 * narrowed here at every start, and the directory itself keeps everyone else out of them meanwhile.
 */
@Startup
@ApplicationScoped
public class DataDirectory {

    public DataDirectory(FlowDoctorConfig config) {
        secure(config.dataDir());
    }

    /** Makes the directory owner-only and narrows what it holds. */
    public static void secure(Path dataDir) {
        try {
            OwnerOnlyFiles.directory(dataDir);
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : paths.toList()) {
                    if (Files.isSymbolicLink(path)) {
                        continue;
                    }
                    OwnerOnlyFiles.restrict(path, Files.isDirectory(path) ? OwnerOnlyFiles.DIRECTORY : OwnerOnlyFiles.FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the data directory " + dataDir + " readable by its owner only", e);
        }
    }
}
