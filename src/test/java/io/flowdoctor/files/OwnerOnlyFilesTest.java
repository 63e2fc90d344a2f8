package io.flowdoctor.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the service creates in its data directory only its owner may read, whatever the umask. */
class OwnerOnlyFilesTest {

    @TempDir
    Path temp;

    @Test
    void aNewDirectoryAndItsMissingParentsAreOwnerOnlyAndExistingParentsAreLeftAlone() throws IOException {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = temp.resolve("a/b/data");

        OwnerOnlyFiles.directory(data);

        assertEquals("rwx------", permissions(temp.resolve("a")));
        assertEquals("rwx------", permissions(data));
        assertEquals("rwxr-xr-x", permissions(temp));
    }

    @Test
    void aFileIsWrittenOwnerOnlyEvenWhereItExistedReadableByOthers() throws IOException {
        Path file = temp.resolve("data/key");
        Files.createDirectories(file.getParent(),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        OwnerOnlyFiles.writeString(file, "new");

        assertEquals("rw-------", permissions(file));
        assertEquals("rwx------", permissions(file.getParent()));
        assertEquals("new", Files.readString(file));
    }

    @Test
    void theDataDirectoryAndWhatTheDatabaseLeftInItAreNarrowedAtStart() throws IOException {
        Path data = temp.resolve("data");
        Files.createDirectories(data.resolve("outbox"));
        Files.writeString(data.resolve("flowdoctor.mv.db"), "db");
        Files.writeString(data.resolve("outbox/x.eml"), "mail");
        for (Path path : new Path[] { data, data.resolve("outbox") }) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(data.resolve("flowdoctor.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

        DataDirectory.secure(data);

        assertEquals("rwx------", permissions(data));
        assertEquals("rwx------", permissions(data.resolve("outbox")));
        assertEquals("rw-------", permissions(data.resolve("flowdoctor.mv.db")));
        assertEquals("rw-------", permissions(data.resolve("outbox/x.eml")));
    }

    static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
