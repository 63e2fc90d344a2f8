package io.flowdoctor.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void theRightPasswordMatchesItsHashAndNoOtherDoes() {
        String hash = PasswordHash.of("correct horse battery staple");
        assertTrue(hash.startsWith("pbkdf2-sha256$210000$"), hash);
        assertTrue(PasswordHash.matches("correct horse battery staple", hash));
        assertFalse(PasswordHash.matches("correct horse battery stapler", hash));
        assertFalse(PasswordHash.matches("", hash));
    }

    @Test
    void theSameAnotherTimeIsSaltedDifferently() {
        assertNotEquals(PasswordHash.of("same"), PasswordHash.of("same"));
    }

    @Test
    void aHashInAnyOtherFormMatchesNothing() {
        assertFalse(PasswordHash.matches("secret", "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b"));
        assertFalse(PasswordHash.matches("secret", "pbkdf2-sha256$x$y$z"));
        assertFalse(PasswordHash.matches("secret", "pbkdf2-sha256$1000$not base64!$AAAA"));
    }
}
