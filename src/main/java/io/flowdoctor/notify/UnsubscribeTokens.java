package io.flowdoctor.notify;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.flowdoctor.FlowDoctorConfig;

/**
 * Signed unsubscribe links. A token is {@code payload.mac}: the payload says what it is for (its purpose),
 * which flow, the flow's subscription version when it was issued and when it expires, each field with its
 * length in front, and an HMAC-SHA256 over those exact bytes. Lengths make the encoding unambiguous: no
 * character in a flow id can move a field boundary, so one flow's token never reads as another's. The
 * owner's address is not in it: the link works without it and does not reveal it.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    /** The token layout; a token of any other layout (such as the unversioned links of old) is refused. */
    private static final byte FORMAT = 2;
    private static final String PURPOSE = "unsubscribe-repair-tips";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final byte[] key;

    @Inject
    public UnsubscribeTokens(FlowDoctorConfig config) {
        this(config.email().signingKey()
                .map(configured -> configured.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> SigningKeyFile.keep(config.dataDir().resolve("unsubscribe-signing.key"))));
    }

    UnsubscribeTokens(byte[] key) {
        this.key = key.clone();
    }

    /**
     * What a genuine token unsubscribes.
     *
     * @param version the flow's subscription version when the link was sent; a later re-subscription makes it stale
     */
    public record Subscription(String flowId, long version, Instant expiresAt) {
    }

    public String sign(String flowId, long version, Instant expiresAt) {
        byte[] payload = payload(PURPOSE, flowId, version, expiresAt.getEpochSecond());
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(payload));
    }

    /**
     * The subscription a token names.
     *
     * @throws UnsubscribeRefused when the token is malformed, forged, altered, for another purpose or expired
     */
    public Subscription verify(String token, Instant now) {
        if (token == null || token.isBlank()) {
            throw new UnsubscribeRefused(UnsubscribeRefused.Reason.INVALID);
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 2) {
            throw new UnsubscribeRefused(UnsubscribeRefused.Reason.INVALID);
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODE.decode(parts[0]);
            signature = DECODE.decode(parts[1]);
        } catch (IllegalArgumentException notBase64) {
            throw new UnsubscribeRefused(UnsubscribeRefused.Reason.INVALID);
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw new UnsubscribeRefused(UnsubscribeRefused.Reason.INVALID);
        }
        Subscription subscription = read(payload);
        if (!now.isBefore(subscription.expiresAt())) {
            throw new UnsubscribeRefused(UnsubscribeRefused.Reason.EXPIRED);
        }
        return subscription;
    }

    /** The signed bytes: format, then every field with its length (strings) or fixed width (numbers). */
    static byte[] payload(String purpose, String flowId, long version, long expiresAtEpochSecond) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(FORMAT);
            writeString(out, purpose);
            writeString(out, flowId);
            out.writeLong(version);
            out.writeLong(expiresAtEpochSecond);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory does not fail", e);
        }
    }

    /** Reads the payload back strictly: the right format and purpose, every length in bounds, no byte left over. */
    private static Subscription read(byte[] payload) {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload);
            if (in.get() != FORMAT || !PURPOSE.equals(readString(in))) {
                throw new UnsubscribeRefused(UnsubscribeRefused.Reason.INVALID);
            }
            String flowId = readString(in);
            long version = in.getLong();
            long expiresAt = in.getLong();
            if (in.hasRemaining()) {
                throw new UnsubscribeRefused(UnsubscribeRefused.Reason.INVALID);
            }
            return new Subscription(flowId, version, Instant.ofEpochSecond(expiresAt));
        } catch (BufferUnderflowException | IllegalArgumentException | CharacterCodingException
                | java.time.DateTimeException e) {
            throw new UnsubscribeRefused(UnsubscribeRefused.Reason.INVALID);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(ByteBuffer in) throws CharacterCodingException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("length out of bounds");
        }
        ByteBuffer slice = in.slice(in.position(), length);
        in.position(in.position() + length);
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return hmac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
