package io.flowdoctor.notify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Unsubscribe tokens: unambiguous, signed, for one purpose, expiring. */
class UnsubscribeTokensTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(60));

    private final UnsubscribeTokens tokens = new UnsubscribeTokens("test-key".getBytes(StandardCharsets.UTF_8));

    @Test
    void aGenuineTokenNamesItsFlowAndVersion() {
        UnsubscribeTokens.Subscription subscription = tokens.verify(tokens.sign("flow-1", 3, LATER), NOW);

        assertEquals(new UnsubscribeTokens.Subscription("flow-1", 3, LATER), subscription);
    }

    @Test
    void aTokenOfAFlowWhoseIdHoldsANewlineCannotBeReSplitIntoAnotherFlowsToken() {
        String token = tokens.sign("victim\nowner@example.com", 0, LATER);
        String mac = token.substring(token.indexOf('.') + 1);

        // The recipe that worked when the MAC covered flowId + "\n" + email: move the newline's right side.
        String resplit = B64.encodeToString("victim".getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString("owner@example.com\nx@example.com".getBytes(StandardCharsets.UTF_8)) + "." + mac;
        assertRefused(UnsubscribeRefused.Reason.INVALID, resplit);

        // The same in the length-prefixed layout: shorten the flow id's length and keep every byte.
        byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        int purposeLength = buffer.getInt(1);
        int flowLengthAt = 1 + 4 + purposeLength;
        buffer.putInt(flowLengthAt, "victim".length());
        assertRefused(UnsubscribeRefused.Reason.INVALID, B64.encodeToString(payload) + "." + mac);
    }

    @Test
    void theSignedBytesOfTwoDifferentFlowsNeverCoincide() {
        byte[] a = UnsubscribeTokens.payload("unsubscribe", "a\nb", 0, 0);
        byte[] b = UnsubscribeTokens.payload("unsubscribe", "a", 0, 0);
        byte[] c = UnsubscribeTokens.payload("unsubscribe\na", "b", 0, 0);
        assertFalse(Arrays.equals(a, b));
        assertFalse(Arrays.equals(a, c));
        assertArrayEquals(a, UnsubscribeTokens.payload("unsubscribe", "a\nb", 0, 0));
    }

    @Test
    void anAlteredOrForeignTokenIsRefused() {
        String token = tokens.sign("flow-1", 0, LATER);
        assertRefused(UnsubscribeRefused.Reason.INVALID, token.substring(0, token.length() - 2) + "AA");
        assertRefused(UnsubscribeRefused.Reason.INVALID,
                new UnsubscribeTokens("another-key".getBytes(StandardCharsets.UTF_8)).sign("flow-1", 0, LATER));
        assertRefused(UnsubscribeRefused.Reason.INVALID, "not-a-token");
        assertRefused(UnsubscribeRefused.Reason.INVALID, "");
        assertRefused(UnsubscribeRefused.Reason.INVALID, null);
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(UnsubscribeRefused.Reason.EXPIRED, tokens.sign("flow-1", 0, NOW.minusSeconds(1)));
        assertRefused(UnsubscribeRefused.Reason.EXPIRED, tokens.sign("flow-1", 0, NOW));
    }

    @Test
    void theKeyMadeAtFirstUseIsReadableByItsOwnerOnly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws java.io.IOException {
        java.nio.file.Path file = temp.resolve("data/unsubscribe-signing.key");

        byte[] key = SigningKeyFile.keep(file);

        assertEquals(32, key.length);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file.getParent())));
        assertArrayEquals(key, SigningKeyFile.keep(file));
    }

    private void assertRefused(UnsubscribeRefused.Reason reason, String token) {
        UnsubscribeRefused refused = assertThrows(UnsubscribeRefused.class, () -> tokens.verify(token, NOW));
        assertEquals(reason, refused.reason());
    }
}
