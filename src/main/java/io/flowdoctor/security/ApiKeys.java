package io.flowdoctor.security;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.files.OwnerOnlyFiles;
import io.quarkus.runtime.Startup;

/**
 * The API keys that may call, by hash. Configured keys win; a service started without any makes one
 * key per role at its first start, keeps their hashes in the data directory and hands the keys over
 * once in a file only its owner may read, so it works out of the box and no key is ever logged. Made at
 * start-up, not at the first request, so that the file is there when the README's first command reads it.
 */
@Startup
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    /** A caller an API key stands for. */
    public record Holder(String name, Set<String> roles) {
    }

    private final Map<String, Holder> byHash;

    public ApiKeys(FlowDoctorConfig config) {
        Map<String, Holder> keys = new HashMap<>();
        config.security().apiKeys()
                .forEach((name, key) -> keys.put(key.hash().toLowerCase(), new Holder(name, Set.copyOf(key.roles()))));
        this.byHash = keys.isEmpty() ? generatedKeys(config.dataDir()) : Map.copyOf(keys);
    }

    public Optional<Holder> holderOf(String key) {
        return Optional.ofNullable(byHash.get(ApiKeyHash.of(key)));
    }

    static Map<String, Holder> generatedKeys(Path dataDir) {
        Path hashes = dataDir.resolve("api-keys.properties");
        try {
            Path handOver = dataDir.resolve("initial-api-keys.txt");
            if (!Files.exists(hashes)) {
                create(hashes, handOver);
            } else if (Files.exists(handOver)) {
                LOG.infof("API keys made at the first start are waiting in %s; take them and delete that file",
                        handOver.toAbsolutePath().normalize());
            }
            Properties stored = new Properties();
            try (var reader = Files.newBufferedReader(hashes)) {
                stored.load(reader);
            }
            Map<String, Holder> keys = new HashMap<>();
            for (String role : Roles.ALL) {
                keys.put(stored.getProperty(role), new Holder(role, Set.of(role)));
            }
            return Map.copyOf(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the API keys in " + dataDir, e);
        }
    }

    private static void create(Path hashes, Path handOver) throws IOException {
        SecureRandom random = new SecureRandom();
        Map<String, String> keys = new LinkedHashMap<>();
        for (String role : Roles.ALL) {
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            keys.put(role, role + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        }
        Properties stored = new Properties();
        keys.forEach((role, key) -> stored.setProperty(role, ApiKeyHash.of(key)));
        StringWriter properties = new StringWriter();
        stored.store(properties, "SHA-256 of the API keys made at the first start, by role");
        // Both files are created readable by the owner only, whatever the umask: no moment in which others can read them.
        OwnerOnlyFiles.writeString(hashes, properties.toString());
        List<String> lines = keys.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
        OwnerOnlyFiles.writeString(handOver, String.join(System.lineSeparator(), lines) + System.lineSeparator());
        LOG.infof("No API keys were configured: one key per role was made; take them from %s and delete that file",
                handOver.toAbsolutePath().normalize());
    }
}
