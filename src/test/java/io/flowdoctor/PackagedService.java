package io.flowdoctor;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.restassured.specification.RequestSpecification;

/**
 * The packaged service (target/quarkus-app) as a process of its own, on a free port and a data directory of the test's.
 * With {@code -Dflowdoctor.it.db-kind=postgresql} it runs the same package re-augmented for that database by
 * configuration alone (a copy, see the README's "One package, either database"), as an operator would; with
 * {@code -Dflowdoctor.it.jdbc-url} (and {@code -jdbc-user}, {@code -jdbc-password}) each service uses a schema of
 * that database named after its data directory, emptied with a fresh data directory (a test's own datasource
 * settings win).
 */
public final class PackagedService implements AutoCloseable {

    private static final Path BUILT = Path.of("target", "quarkus-app");
    /**
     * The services of the tests share the compiled form of the rules, as instances of one service may: the first start
     * since target/ was cleaned compiles and gates them, the others read it (a test that sets
     * flowdoctor.compiled-rules-dir keeps its own; StartFromCompiledRulesIT starts from none).
     */
    private static final Path SHARED_COMPILED_RULES = Path.of("target", "it-compiled-rules").toAbsolutePath();
    private static final String COMPILED_RULES_DIR = "flowdoctor.compiled-rules-dir";
    private static Path jar;
    private static final String JDBC_URL = System.getProperty("flowdoctor.it.jdbc-url", "");
    private static final String JDBC_USER = System.getProperty("flowdoctor.it.jdbc-user", "postgres");
    private static final String JDBC_PASSWORD = System.getProperty("flowdoctor.it.jdbc-password", "");

    private final Path data;
    private final List<String> settings;
    private final int port;
    private Process process;

    /** @param settings system properties for the service, as {@code name=value} */
    public PackagedService(Path data, String... settings) throws IOException {
        this.data = data.toAbsolutePath();
        this.settings = List.of(settings);
        this.port = freePort();
    }

    /** A service started on an empty data directory; close it to stop it. */
    public static PackagedService onFreshData(Path data, String... settings) throws IOException, InterruptedException {
        TestFiles.deleteTree(data.toAbsolutePath());
        PackagedService service = new PackagedService(data, settings);
        service.schema("drop schema if exists %s cascade");
        return service.start();
    }

    public PackagedService start() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Dquarkus.http.port=" + port));
        if (ownSchema()) {
            schema("create schema if not exists %s");
            command.addAll(List.of("-Dquarkus.datasource.jdbc.url=" + JDBC_URL + (JDBC_URL.contains("?") ? "&" : "?")
                    + "currentSchema=" + schemaName(), "-Dquarkus.datasource.username=" + JDBC_USER,
                    "-Dquarkus.datasource.password=" + JDBC_PASSWORD));
        }
        if (settings.stream().noneMatch(setting -> setting.startsWith(COMPILED_RULES_DIR + "="))) {
            command.add("-D" + COMPILED_RULES_DIR + "=" + SHARED_COMPILED_RULES);
        }
        settings.forEach(setting -> command.add("-D" + setting));
        command.addAll(List.of("-jar", jar().toString()));
        Path log = log();
        Files.createDirectories(log.getParent());
        long logBefore = logSize();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("FLOWDOCTOR_DATA_DIR", data.toString());
        process = builder.start();
        // A machine shared with other builds may take minutes to compile the rules and run the gate.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(deadline)) {
            boolean ready;
            try {
                ready = request().when().get("/q/health/ready").statusCode() == 200;
            } catch (Exception notListeningYet) {
                ready = false;
            }
            if (ready) {
                if (!JDBC_URL.isEmpty() && !logSince(logBefore).contains("Database: jdbc:postgresql:")) {
                    process.destroyForcibly();
                    throw new IllegalStateException("The packaged service did not open PostgreSQL; see " + log);
                }
                return this;
            }
            Thread.sleep(250);
        }
        process.destroyForcibly(); // never left running behind a failed test
        throw new IllegalStateException("The packaged service did not become ready; see " + log);
    }

    /** The package to run, re-augmented once per test JVM when another database kind is asked for. */
    private static synchronized Path jar() throws IOException, InterruptedException {
        if (jar == null) {
            String kind = System.getProperty("flowdoctor.it.db-kind", "");
            jar = kind.isEmpty() ? BUILT.resolve("quarkus-run.jar") : reaugmented(kind);
        }
        return jar;
    }

    private static Path reaugmented(String kind) throws IOException, InterruptedException {
        Path copy = Path.of("target", "it-" + kind, "quarkus-app").toAbsolutePath();
        TestFiles.deleteTree(copy);
        TestFiles.copyTree(BUILT, copy);
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = copy.resolveSibling("rebuild.log");
        Process rebuild = new ProcessBuilder(java, "-Dquarkus.launch.rebuild=true", "-Dquarkus.datasource.db-kind=" + kind,
                "-jar", copy.resolve("quarkus-run.jar").toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!rebuild.waitFor(5, TimeUnit.MINUTES) || rebuild.exitValue() != 0) {
            rebuild.destroyForcibly();
            throw new IllegalStateException("The package was not re-augmented for " + kind + "; see " + log);
        }
        return copy.resolve("quarkus-run.jar");
    }

    /** The log's size in bytes now, to read what follows with {@link #logSince(long)}. */
    public long logSize() throws IOException {
        return Files.exists(log()) ? Files.size(log()) : 0;
    }

    /** What the service wrote to its log after it was {@code offset} bytes long (every start appends to it). */
    public String logSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(log());
        int from = (int) Math.min(offset, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    /** On a shared database, unless the test names a datasource of its own. */
    private boolean ownSchema() {
        return !JDBC_URL.isEmpty()
                && settings.stream().noneMatch(setting -> setting.startsWith("quarkus.datasource.jdbc.url="));
    }

    /** The service's own schema of the shared database, named after its data directory's path. */
    private String schemaName() {
        Path relative = Path.of("").toAbsolutePath().relativize(data);
        return "it_" + relative.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    /** Runs a statement on the service's schema, when it has one. */
    private void schema(String statement) {
        if (!ownSchema()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(JDBC_URL, JDBC_USER, JDBC_PASSWORD);
                Statement sql = connection.createStatement()) {
            sql.execute(String.format(statement, schemaName()));
        } catch (SQLException e) {
            throw new IllegalStateException("The schema " + schemaName() + " of " + JDBC_URL + " is out of reach", e);
        }
    }

    /** Where the service's output goes, every start appending to it. */
    public Path log() {
        return data.resolveSibling(data.getFileName() + ".log");
    }

    public void restart() throws IOException, InterruptedException {
        stop();
        start();
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The packaged service did not stop within 30 seconds");
            }
        }
    }

    /**
     * Kills the service as a crash would: SIGKILL (destroyForcibly on the java process itself, which no
     * shutdown hook sees), and returns its exit status, 137 (128 + 9) for a SIGKILL.
     */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The packaged service did not die within 30 seconds");
        }
        return process.exitValue();
    }

    /** A request to the service, without a default API key. */
    public RequestSpecification request() {
        return given().baseUri("http://localhost").port(port);
    }

    public Path data() {
        return data;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
