package io.flowdoctor.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.flowdoctor.FlowDoctorConfig;

/**
 * Signed unsubscribe links: the token names the flow and the owner's address and carries an
 * HMAC-SHA256 over both, so it works without logging in and a forged or altered token is refused.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final byte[] key;

    public UnsubscribeTokens(FlowDoctorConfig config) {
        this.key = config.email().signingKey()
                .map(configured -> configured.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> keptKey(config.dataDir().resolve("unsubscribe-signing.key")));
    }

    /** What a valid token unsubscribes. */
    public record Subscription(String flowId, String email) {
    }

    public String sign(String flowId, String email) {
        return encode(flowId) + "." + encode(email) + "." + ENCODE.encodeToString(mac(flowId, email));
    }

    /** The subscription a token names, or empty when it is malformed, forged or altered. */
    public Optional<Subscription> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String flowId = new String(DECODE.decode(parts[0]), StandardCharsets.UTF_8);
            String email = new String(DECODE.decode(parts[1]), StandardCharsets.UTF_8);
            boolean genuine = MessageDigest.isEqual(mac(flowId, email), DECODE.decode(parts[2]));
            return genuine ? Optional.of(new Subscription(flowId, email)) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] mac(String flowId, String email) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return hmac.doFinal((flowId + "\n" + email).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String encode(String value) {
        return ENCODE.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A random key made once and kept beside the database, so links stay valid across restarts. */
    private static byte[] keptKey(Path file) {
        try {
            if (Files.exists(file)) {
                return DECODE.decode(Files.readString(file).strip());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.getParent());
            Files.writeString(file, ENCODE.encodeToString(fresh));
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the unsubscribe signing key in " + file, e);
        }
    }
}
