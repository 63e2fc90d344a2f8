package io.flowdoctor.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash an API key is stored as. Run it to make the hash of a new key:
 * {@code ./mvnw -q compile exec:java -Dexec.mainClass=io.flowdoctor.security.ApiKeyHash -Dexec.args=THE-KEY}.
 */
public final class ApiKeyHash {

    private ApiKeyHash() {
    }

    public static String of(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ApiKeyHash <key>");
            System.exit(2);
        }
        System.out.println(of(args[0]));
    }
}
