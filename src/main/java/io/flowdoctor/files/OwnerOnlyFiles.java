package io.flowdoctor.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories and files only the service's own user may read: the data directory holds API key hashes,
 * the first start's keys, the signing key, the database and queued e-mails with owners' addresses. They
 * are created with their permissions (0700, 0600) rather than set afterwards, so no umask ever leaves a
 * moment in which others can read them. On a file system without POSIX permissions they are created
 * plainly.
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /**
     * Creates the directory, and any missing parent, owner-only; an existing directory is narrowed to 0700.
     * Parents that already exist are left as they are: they are not the service's.
     */
    public static Path directory(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        createMissing(absolute);
        restrict(absolute, DIRECTORY);
        return directory;
    }

    private static void createMissing(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            createMissing(parent);
        }
        try {
            Files.createDirectory(directory, attribute(DIRECTORY));
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // another thread made it first
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(directory);
        }
        restrict(directory, DIRECTORY);
    }

    /** Writes the file (replacing it) so that only the owner may read it, its directory made owner-only first. */
    public static Path write(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (parent != null) {
            directory(parent);
        }
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, attribute(FILE));
            } catch (FileAlreadyExistsException createdMeanwhile) {
                // narrowed below
            } catch (UnsupportedOperationException notPosix) {
                // written plainly below
            }
        }
        restrict(file, FILE);
        Files.write(file, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        return file;
    }

    public static Path writeString(Path file, String content) throws IOException {
        return write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Narrows an existing file or directory to the given permissions, where the file system has them. */
    public static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX permissions here: the platform's own access control applies
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
