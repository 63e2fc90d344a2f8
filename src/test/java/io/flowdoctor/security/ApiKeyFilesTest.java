package io.flowdoctor.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys made at the first start, and their hashes, are readable by the service's owner only. */
class ApiKeyFilesTest {

    @TempDir
    Path temp;

    @Test
    void theKeyFilesAndTheirDirectoryAreOwnerOnly() throws IOException {
        Path data = temp.resolve("data");

        ApiKeys.generatedKeys(data);

        assertEquals("rwx------", permissions(data));
        assertEquals("rw-------", permissions(data.resolve("api-keys.properties")));
        assertEquals("rw-------", permissions(data.resolve("initial-api-keys.txt")));
        assertTrue(Files.readString(data.resolve("initial-api-keys.txt")).contains("service=service-"));
        assertEquals(Roles.ALL.size(), ApiKeys.generatedKeys(data).size());
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
