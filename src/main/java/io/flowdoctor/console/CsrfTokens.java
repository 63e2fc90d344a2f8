package io.flowdoctor.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.flowdoctor.FlowDoctorConfig;

/**
 * Signed double-submit CSRF tokens. The browser holds a random nonce in an HttpOnly, SameSite=Strict cookie; every
 * page carries the token {@code nonce.signature}, where the signature binds the nonce to the signed-in user with the
 * service's key, and htmx sends the token back as a header on every state-changing request. Another site can neither
 * read the token nor forge a signature, and a nonce planted in the cookie is useless without its signature.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String COOKIE = "flowdoctor-csrf";
    public static final String HEADER = "X-CSRF-Token";

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final byte[] key;

    public CsrfTokens(FlowDoctorConfig config) {
        this.key = config.console().csrfKey().map(configured -> configured.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> {
                    byte[] made = new byte[32];
                    random.nextBytes(made);
                    return made;
                });
    }

    /** A fresh nonce for the cookie. */
    public String newNonce() {
        byte[] nonce = new byte[18];
        random.nextBytes(nonce);
        return BASE64.encodeToString(nonce);
    }

    /** The token the pages of this user carry for this nonce. */
    public String token(String user, String nonce) {
        return nonce + "." + sign(user + "\n" + nonce);
    }

    /** Whether the token sent matches the cookie's nonce and was signed for this user. */
    public boolean valid(String token, String user, String nonce) {
        if (token == null || user == null || nonce == null || nonce.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                token(user, nonce).getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return BASE64.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
