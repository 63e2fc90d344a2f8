package io.flowdoctor.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import io.flowdoctor.files.OwnerOnlyFiles;

/** The unsubscribe signing key made once and kept beside the database, so links stay valid across restarts. */
final class SigningKeyFile {

    private SigningKeyFile() {
    }

    static byte[] keep(Path file) {
        try {
            if (Files.exists(file)) {
                OwnerOnlyFiles.restrict(file, OwnerOnlyFiles.FILE);
                return Base64.getUrlDecoder().decode(Files.readString(file).strip());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            OwnerOnlyFiles.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(fresh));
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the unsubscribe signing key in " + file, e);
        }
    }
}
