package io.flowdoctor.rulebase;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.jboss.logging.Logger;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;

import io.flowdoctor.Instants;
import io.flowdoctor.files.OwnerOnlyFiles;
import io.flowdoctor.knowledge.KnowledgeBase;
import io.flowdoctor.knowledge.KnowledgeBaseException;
import io.flowdoctor.knowledge.KnowledgeBaseLoader;

/**
 * The compiled form of every rule-base version that passed its gate, one file per version in a directory of
 * the data directory, so that a start with unchanged rules reads it instead of compiling and checking the rules
 * again. A file holds what the version is (the sha256 over rules/ and knowledge-base/ that names it), what it
 * was compiled and gated with (Drools' version, Java's, the evaluation bounds, and a sha256 of each class the
 * rules import), the gate's verdict,
 * and the compiled packages with the rules' ids and outlines under a sha256 checksum. It is used only when all
 * of these agree with the files and classes of this start; anything else (no file, another version, a changed
 * fact class, a damaged file, a file that does not read) means compile and gate as without it.
 */
public final class CompiledRuleBases {

    private static final Logger LOG = Logger.getLogger(CompiledRuleBases.class);

    static final String FORMAT = "flowdoctor-compiled-rule-base/1";
    static final String SUFFIX = ".rulebase";
    /** The versions kept; older files are removed when a new one is written. */
    static final int KEPT = 3;

    private final Path directory;
    private final ClassLoader classLoader;
    private final EvaluationBounds bounds;

    /**
     * @param directory where the compiled forms are kept (created owner-only when the first is written)
     * @param bounds the bounds of every evaluation of a rule base read from it
     */
    public CompiledRuleBases(Path directory, ClassLoader classLoader, EvaluationBounds bounds) {
        this.directory = directory;
        this.classLoader = classLoader;
        this.bounds = bounds;
    }

    /** The file of a version. */
    Path file(String version) {
        return directory.resolve(version + SUFFIX);
    }

    /**
     * The rule base the files describe now, read from its compiled form, when that version passed its gate
     * before and everything it was compiled with is unchanged; empty otherwise (the reason is logged). The texts are
     * read from the files, so the files must still be that version once they are read. A version read counts as
     * written now when the oldest forms are removed: the one that serves, or served last, stays.
     */
    public Optional<RuleBase> load(Path rulesDirectory, Path knowledgeDirectory) {
        if (!Files.isDirectory(rulesDirectory) || !Files.isDirectory(knowledgeDirectory)) {
            return Optional.empty();
        }
        String version;
        try {
            version = RuleSetVersion.of(rulesDirectory, knowledgeDirectory);
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
        Path file = file(version);
        if (!Files.isRegularFile(file)) {
            LOG.infof("Rule base %s has no compiled form yet: compiling and checking it", version);
            return Optional.empty();
        }
        if (writableByOthers(file) || writableByOthers(directory)) {
            // What the file holds is loaded as code: only this service's own user may have written it.
            return refused(version, "its file or directory may be written by users other than its owner");
        }
        Optional<RuleBase> read;
        try {
            read = read(file, version, knowledgeDirectory);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            LOG.warnf("The compiled form of rule base %s cannot be used (%s): compiling and checking it", version, e);
            return Optional.empty();
        }
        if (read.isEmpty()) {
            return read;
        }
        if (!current(read.get(), rulesDirectory, knowledgeDirectory)) {
            return refused(version, "the files changed while it was read");
        }
        markUsed(file);
        return read;
    }

    /** Whether POSIX permissions let the group or others write the path (false where the file system has none). */
    private static boolean writableByOthers(Path path) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            return permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException noPosix) {
            return false;
        } catch (IOException unreadable) {
            return true;
        }
    }

    private static void markUsed(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            LOG.debugf("Could not mark %s as used: %s", file, e);
        }
    }

    /** Whether the files are still the version the rule base was read as (they may change while a start reads it). */
    public static boolean current(RuleBase ruleBase, Path rulesDirectory, Path knowledgeDirectory) {
        try {
            return RuleSetVersion.of(rulesDirectory, knowledgeDirectory).equals(ruleBase.version());
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** Keeps the compiled form of a rule base that has passed its gate. A failure to write is logged, not thrown. */
    public void store(RuleBase ruleBase) {
        if (ruleBase.version() == null) {
            return;
        }
        try {
            List<KiePackage> packages = new ArrayList<>(ruleBase.kieBase().getKiePackages());
            byte[] compiled = DroolsInternals.write(packages);
            byte[] catalog = catalog(ruleBase);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(compiled.length + catalog.length + 4096);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(FORMAT);
                out.writeUTF(ruleBase.version());
                out.writeUTF(environment());
                Map<String, String> classes = classDigests(DroolsInternals.importedClasses(packages));
                out.writeInt(classes.size());
                for (Map.Entry<String, String> entry : classes.entrySet()) {
                    out.writeUTF(entry.getKey());
                    out.writeUTF(entry.getValue());
                }
                out.writeUTF(Instants.now().toString()); // the gate passed before it is kept
                out.writeUTF(checksum(compiled, catalog));
                out.writeInt(compiled.length);
                out.write(compiled);
                out.writeInt(catalog.length);
                out.write(catalog);
            }
            Path file = file(ruleBase.version());
            // Instances that share the directory may keep the same version at once: each writes a file of its own.
            Path partial = directory.resolve(ruleBase.version() + SUFFIX + "." + UUID.randomUUID() + ".partial");
            try {
                OwnerOnlyFiles.write(partial, bytes.toByteArray());
                try {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial); // left only when the write or the move failed
            }
            prune(file);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("The compiled form of rule base %s could not be kept (%s); the next start compiles it again",
                    ruleBase.version(), e);
        }
    }

    private Optional<RuleBase> read(Path file, String version, Path knowledgeDirectory)
            throws IOException, ClassNotFoundException {
        long started = System.nanoTime();
        byte[] compiled;
        byte[] catalog;
        Instant passedAt;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (!FORMAT.equals(in.readUTF())) {
                return refused(version, "it was written in another format");
            }
            if (!version.equals(in.readUTF())) {
                return refused(version, "it holds another version");
            }
            if (!environment().equals(in.readUTF())) {
                return refused(version, "it was compiled with another Drools or Java, or gated with other evaluation bounds");
            }
            Map<String, String> classes = new LinkedHashMap<>();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                classes.put(in.readUTF(), in.readUTF());
            }
            if (!classes.equals(classDigests(classes.keySet()))) {
                return refused(version, "a class its rules import has changed");
            }
            passedAt = Instant.parse(in.readUTF());
            String checksum = in.readUTF();
            compiled = in.readNBytes(in.readInt());
            catalog = in.readNBytes(in.readInt());
            if (!checksum.equals(checksum(compiled, catalog))) {
                return refused(version, "its checksum does not match: the file is damaged");
            }
        }
        // The texts and the compiled rules are read side by side: together they are most of a start's wait.
        CompletableFuture<KnowledgeBase> loading = CompletableFuture.supplyAsync(
                () -> KnowledgeBaseLoader.load(knowledgeDirectory),
                runnable -> new Thread(runnable, "knowledge-base-read").start());
        List<KiePackage> packages = DroolsInternals.read(compiled, classLoader);
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory
                .newKnowledgeBase(KieServices.get().newKieBaseConfiguration(null, classLoader));
        kieBase.addPackages(packages);
        KnowledgeBase knowledge;
        try {
            knowledge = loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof KnowledgeBaseException) {
                return refused(version, "the knowledge base does not load");
            }
            throw e;
        }
        Map<String, RuleRef> rules;
        Map<String, RuleOutline> outlines;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(catalog))) {
            rules = readMap(in.readObject(), RuleRef.class);
            outlines = readMap(in.readObject(), RuleOutline.class);
        }
        int compiledRules = kieBase.getKiePackages().stream().mapToInt(kiePackage -> kiePackage.getRules().size()).sum();
        if (compiledRules != rules.size()) {
            return refused(version, "it holds " + compiledRules + " compiled rules for " + rules.size() + " rule ids");
        }
        LOG.infof("Rule base %s read from its compiled form in %d ms: it passed its gate at %s with the same files and"
                + " classes", version, (System.nanoTime() - started) / 1_000_000, passedAt);
        return Optional.of(
                new RuleBase(kieBase, knowledge, version, rules, outlines, Instants.now(), bounds, RuleBase.Origin.CACHE));
    }

    private static Optional<RuleBase> refused(String version, String why) {
        LOG.infof("The compiled form of rule base %s is not used, as %s: compiling and checking it", version, why);
        return Optional.empty();
    }

    private static <V> Map<String, V> readMap(Object read, Class<V> type) {
        Map<String, V> map = new HashMap<>();
        ((Map<?, ?>) read).forEach((key, value) -> map.put((String) key, type.cast(value)));
        return map;
    }

    private static byte[] catalog(RuleBase ruleBase) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new HashMap<>(ruleBase.rulesByKey()));
            out.writeObject(new HashMap<>(ruleBase.outlines()));
        }
        return bytes.toByteArray();
    }

    /** Removes the compiled forms written or read longest ago beyond {@link #KEPT}, never the one just written. */
    private void prune(Path written) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(path -> path.getFileName().toString().endsWith(SUFFIX) && !path.equals(written))
                    .sorted(Comparator.comparing(CompiledRuleBases::modified).reversed())
                    .toList();
        }
        for (Path old : files.subList(Math.min(files.size(), KEPT - 1), files.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException gone) {
            return Instant.EPOCH;
        }
    }

    /**
     * Drools' and Java's versions (compiled classes and serialised networks belong to both) and the evaluation
     * bounds the gate held the version to (a stricter bound must see the gate again).
     */
    private String environment() {
        return "drools=" + droolsVersion() + " java=" + Runtime.version().feature() + " bounds="
                + bounds.maxFirings() + "/" + bounds.timeBudget().toMillis();
    }

    private static String droolsVersion() {
        try (InputStream in = DroolsInternals.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.drools/drools-base/pom.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException unreadable) {
            // fall back on the package's version
        }
        String version = KiePackage.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    /** A sha256 of each class's bytes as the class loader finds them; "absent" for a class it does not find. */
    private Map<String, String> classDigests(Iterable<String> classNames) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String name : classNames) {
            digests.put(name, classDigest(name));
        }
        return digests;
    }

    private String classDigest(String name) {
        String binaryName;
        try {
            binaryName = Class.forName(name, false, classLoader).getName();
        } catch (ClassNotFoundException | LinkageError e) {
            return "absent";
        }
        try (InputStream in = classLoader.getResourceAsStream(binaryName.replace('.', '/') + ".class")) {
            return in == null ? "no-bytes" : HexFormat.of().formatHex(sha256().digest(in.readAllBytes()));
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static String checksum(byte[] compiled, byte[] catalog) {
        MessageDigest sha256 = sha256();
        sha256.update(compiled);
        sha256.update(catalog);
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
