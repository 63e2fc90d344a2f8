package io.flowdoctor.stream;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Kafka broker for the tests: Apache Kafka's own server, one KRaft node that is both controller and
 * broker, in this JVM, on free ports, its storage formatted in a fresh temporary directory with a random cluster
 * id. As a test resource it turns the Kafka intake on and points it at the broker; {@link #start()} and
 * {@link #stop()} serve tests that run the packaged service.
 */
public class KafkaBroker implements QuarkusTestResourceLifecycleManager {

    /** Partitions of the failed-runs topic: more than the consumers of one instance, so that they share them. */
    public static final int PARTITIONS = 8;

    private static KafkaRaftServer server;
    private static Path directory;
    private static String bootstrapServers;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", startBroker(), "flowdoctor.kafka.enabled", "true");
    }

    @Override
    public void stop() {
        stopBroker();
    }

    /** Starts the broker (once) and returns its bootstrap servers. */
    public static synchronized String startBroker() {
        if (server != null) {
            return bootstrapServers;
        }
        try {
            directory = Files.createTempDirectory("kafka-broker");
            int brokerPort = freePort();
            int controllerPort = freePort();
            Properties properties = new Properties();
            properties.put("process.roles", "broker,controller");
            properties.put("node.id", "1");
            properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            properties.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            properties.put("controller.listener.names", "CONTROLLER");
            properties.put("inter.broker.listener.name", "PLAINTEXT");
            properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            properties.put("log.dirs", directory.resolve("data").toString());
            properties.put("num.partitions", String.valueOf(PARTITIONS));
            properties.put("offsets.topic.replication.factor", "1");
            properties.put("offsets.topic.num.partitions", "4");
            properties.put("transaction.state.log.replication.factor", "1");
            properties.put("transaction.state.log.min.isr", "1");
            properties.put("share.coordinator.state.topic.replication.factor", "1");
            properties.put("share.coordinator.state.topic.min.isr", "1");
            properties.put("group.initial.rebalance.delay.ms", "0");
            properties.put("auto.create.topics.enable", "true");
            Path file = directory.resolve("server.properties");
            try (var out = Files.newBufferedWriter(file)) {
                properties.store(out, "one KRaft node for the tests");
            }
            // Kafka's own storage tool, as `kafka-storage.sh format -t <id> -c server.properties` runs it.
            String clusterId = Uuid.randomUuid().toString();
            int formatted = StorageTool.execute(new String[] { "format", "-t", clusterId, "-c", file.toString() },
                    new PrintStream(PrintStream.nullOutputStream()));
            if (formatted != 0) {
                throw new IllegalStateException("kafka-storage format ended with " + formatted);
            }
            server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
            server.startup();
            bootstrapServers = "127.0.0.1:" + brokerPort;
            createTopics(bootstrapServers);
            return bootstrapServers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized void stopBroker() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    /** The topics of the intake, made up front with the partitions the tests count on. */
    private static void createTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("flowdoctor.failed-runs", PARTITIONS, (short) 1),
                    new NewTopic("flowdoctor.diagnoses", PARTITIONS, (short) 1),
                    new NewTopic("flowdoctor.failed-runs.dead-letter", 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("The broker did not create the topics", e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("The broker did not create the topics", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
