package io.flowdoctor.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.flowdoctor.PackagedService;
import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.TestApiKey;
import io.flowdoctor.TestFiles;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Two instances of the packaged service on one PostgreSQL database and one rules directory, fed at once over
 * HTTP (every request sent to both, as a client that retries through a load balancer would) and through one
 * Kafka topic (with copies of some records): every failure is counted once, in its flow's exact count, every
 * e-mail is queued and sent once, both report the rule-set version they serve in their health, and a change
 * saved in the shared rules directory serves on both. Then many flows fail with one signature through both
 * instances and both doors at once: one outage case links each of them once, and each owner is told once.
 * <p>
 * PostgreSQL only (H2's file database belongs to one process): the profile re-augments the package built for H2
 * for PostgreSQL ({@link io.flowdoctor.PackagedService}) and names the database, e.g.
 * {@code ./mvnw verify -Ppostgresql -Dit.test=TwoInstancesIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dpg.url=jdbc:postgresql://127.0.0.1:5432/flowdoctor_instances}.
 * Without {@code flowdoctor.it.jdbc-url} it is skipped.
 */
class TwoInstancesIT {

    private static final Path ROOT = Path.of("target", "two-instances");
    private static final int RUNS_PER_FLOW = 25;
    /** Flows fed through Kafka, over HTTP, and by both; the first run of the first two kinds names an owner. */
    private static final int KAFKA_FLOWS = 40;
    private static final int HTTP_FLOWS = 40;
    private static final int MIXED_FLOWS = 10;
    /** Flows failing with one signature at once, half through each door; the outage threshold, set below. */
    private static final int OUTAGE_FLOWS = 60;
    private static final int OUTAGE_THRESHOLD = 20;
    private static final String OUTAGE_SENTENCE = "part of a wider outage";

    private final String jdbcUrl = System.getProperty("flowdoctor.it.jdbc-url", "");
    private final String user = System.getProperty("flowdoctor.it.jdbc-user", "postgres");
    private final String password = System.getProperty("flowdoctor.it.jdbc-password", "");

    @AfterAll
    static void stopBroker() {
        KafkaBroker.stopBroker();
    }

    @Test
    void twoInstancesCountExactlySendEachEmailOnceAndServeTheSameRules() throws Exception {
        Assumptions.assumeTrue(jdbcUrl.startsWith("jdbc:postgresql:"),
                "two instances share a PostgreSQL database: set flowdoctor.it.jdbc-url (see the class comment)");
        String bootstrap = KafkaBroker.startBroker();
        TestFiles.deleteTree(ROOT.toAbsolutePath());
        Path rules = ROOT.resolve("rules").toAbsolutePath();
        Path knowledge = ROOT.resolve("knowledge-base").toAbsolutePath();
        TestFiles.copyTree(ProjectRuleBase.RULES, rules);
        TestFiles.copyTree(ProjectRuleBase.KNOWLEDGE, knowledge);
        String[] settings = TestApiKey.withAllRolesKey("quarkus.datasource.jdbc.url=" + jdbcUrl,
                "quarkus.datasource.username=" + user, "quarkus.datasource.password=" + password,
                "flowdoctor.kafka.enabled=true", "kafka.bootstrap.servers=" + bootstrap, "flowdoctor.rules-dir=" + rules,
                "flowdoctor.knowledge-base-dir=" + knowledge, "flowdoctor.reload.quiet-period=200ms",
                "flowdoctor.email.send-every=1s", "flowdoctor.outages.flows=" + OUTAGE_THRESHOLD,
                "flowdoctor.outages.window=10m");
        String prefix = "two-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (PackagedService a = PackagedService.onFreshData(ROOT.resolve("a"), settings);
                PackagedService b = PackagedService.onFreshData(ROOT.resolve("b"), settings)) {
            String version = servingVersion(a);
            assertEquals(version, servingVersion(b), "both serve the rules of one directory");

            List<ProducerRecord<String, String>> records = new ArrayList<>();
            // Per flow, its requests in the order of its runs: one client sends them one after the other.
            Map<String, List<String>> requests = new LinkedHashMap<>();
            for (int run = 0; run < RUNS_PER_FLOW; run++) {
                for (int flow = 0; flow < KAFKA_FLOWS; flow++) {
                    String flowId = prefix + "kafka-" + flow;
                    String value = request(flowId, run, now, run == 0);
                    records.add(new ProducerRecord<>("flowdoctor.failed-runs", flowId, value));
                    if (run % 5 == 0) { // a copy, as a redelivery would bring it
                        records.add(new ProducerRecord<>("flowdoctor.failed-runs", flowId, value));
                    }
                }
                for (int flow = 0; flow < HTTP_FLOWS; flow++) {
                    String flowId = prefix + "http-" + flow;
                    requests.computeIfAbsent(flowId, id -> new ArrayList<>()).add(request(flowId, run, now, run == 0));
                }
                for (int flow = 0; flow < MIXED_FLOWS; flow++) {
                    String flowId = prefix + "mixed-" + flow;
                    String value = request(flowId, run, now, false);
                    if (run % 2 == 0) {
                        records.add(new ProducerRecord<>("flowdoctor.failed-runs", flowId, value));
                    } else {
                        requests.computeIfAbsent(flowId, id -> new ArrayList<>()).add(value);
                    }
                }
            }

            sendThroughBothDoors(bootstrap, records, new ArrayList<>(requests.values()), a, b);

            int flows = KAFKA_FLOWS + HTTP_FLOWS + MIXED_FLOWS;
            int failures = flows * RUNS_PER_FLOW;
            int emails = KAFKA_FLOWS + HTTP_FLOWS;
            awaitTrue(Duration.ofMinutes(10), () -> count("select count(*) from failure_record where flow_id like ?",
                    prefix) >= failures);
            assertEquals(failures, count("select count(*) from failure_record where flow_id like ?", prefix),
                    "each failure counted once");
            assertEquals(failures, count("select count(*) from diagnosis_record where flow_id like ?", prefix),
                    "each failure audited once");
            assertEquals(flows,
                    count("select count(*) from flow_state where flow_id like ? and incident_failures = "
                            + RUNS_PER_FLOW, prefix),
                    "every flow counted 1 to " + RUNS_PER_FLOW);
            assertEquals(emails, count("select count(*) from outbox_email where flow_id like ?", prefix),
                    "each owner's first failure e-mailed once, its copies not");
            awaitTrue(Duration.ofMinutes(3), () -> count(
                    "select count(*) from outbox_email where flow_id like ? and status = 'SENT'", prefix) == emails);
            assertEquals(emails, count("select count(*) from outbox_email where flow_id like ? and attempts = 1", prefix),
                    "each e-mail sent by one instance, once");

            outageAcrossInstances(a, b, bootstrap);

            // One change saved in the shared directory: each instance's watch sees it and serves it.
            Path ruleFile = rules.resolve("advice").resolve("resubmit.drl");
            Files.writeString(ruleFile, "\n// " + prefix + " saved while two instances serve this directory\n",
                    StandardOpenOption.APPEND);
            awaitTrue(Duration.ofMinutes(3), () -> !servingVersion(a).equals(version) && !servingVersion(b).equals(version));
            assertEquals(servingVersion(a), servingVersion(b));
            assertNotEquals(version, servingVersion(a));
        }
    }

    /**
     * {@value #OUTAGE_FLOWS} flows blocked by one DLP policy within the window, half through Kafka and half over HTTP
     * (each request to both instances): both instances show one open outage case for the signature, linking every flow
     * once; the flows that failed before the threshold was reached have their own escalation case, the others none;
     * each owner gets one e-mail, sent once, and those linked to the outage are told of it in that e-mail.
     */
    private void outageAcrossInstances(PackagedService a, PackagedService b, String bootstrap) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "outage-" + tag + "-";
        String code = "PolicyBlock" + tag;
        Instant failedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> flows = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (int flow = 0; flow < OUTAGE_FLOWS; flow++) {
            String flowId = prefix + flow;
            flows.add(flowId);
            String body = blockedByPolicy(flowId, code, failedAt);
            if (flow % 2 == 0) {
                records.add(new ProducerRecord<>("flowdoctor.failed-runs", flowId, body));
            } else {
                requests.add(body);
            }
        }
        sendThroughBothDoors(bootstrap, records, requests.stream().map(List::of).toList(), a, b);

        String failures = "select count(*) from failure_record where flow_id like ?";
        awaitTrue(Duration.ofMinutes(5), () -> count(failures, prefix) >= OUTAGE_FLOWS);
        assertEquals(OUTAGE_FLOWS, count(failures, prefix), "each failure counted once");

        String outageId = null;
        for (PackagedService instance : List.of(a, b)) {
            List<Map<String, Object>> open = instance.request().header(TestApiKey.HEADER, TestApiKey.ALL_ROLES)
                    .queryParam("status", "OPEN").queryParam("size", 200).when().get("/api/v1/outages").then()
                    .statusCode(200).extract().jsonPath().getList("items");
            List<Map<String, Object>> ours = open.stream().filter(o -> code.toLowerCase().equals(o.get("errorCode"))).toList();
            assertEquals(1, ours.size(), "one outage case for the signature: " + ours);
            outageId = outageId == null ? (String) ours.get(0).get("id") : outageId;
            assertEquals(outageId, ours.get(0).get("id"), "both instances show the same case");
            JsonPath outage = instance.request().header(TestApiKey.HEADER, TestApiKey.ALL_ROLES).when()
                    .get("/api/v1/outages/" + outageId).then().statusCode(200).extract().jsonPath();
            assertEquals("teams", outage.getString("connector"));
            assertEquals("LICENSING_OR_PERMISSION", outage.getString("category"));
            assertEquals(OUTAGE_FLOWS, outage.getInt("flows"));
            assertEquals(OUTAGE_FLOWS, outage.getInt("failures"));
            List<String> linked = outage.getList("linkedFlows.flowId", String.class);
            assertEquals(flows.stream().sorted().toList(), linked.stream().sorted().toList(), "every flow linked once");
            long notified = outage.getList("linkedFlows.ownerNotifiedAt").stream().filter(at -> at != null).count();
            assertEquals(OUTAGE_FLOWS - (OUTAGE_THRESHOLD - 1), notified, "the owners of the flows linked once it was open");
        }
        assertEquals(OUTAGE_THRESHOLD - 1, count("select count(*) from escalation_case where flow_id like ?", prefix),
                "a case of its own for each flow that failed before the outage opened, none after");

        assertEquals(OUTAGE_FLOWS, count("select count(*) from outbox_email where flow_id like ?", prefix),
                "one e-mail per owner");
        assertEquals(OUTAGE_FLOWS, count("select count(distinct flow_id) from outbox_email where flow_id like ?", prefix));
        assertEquals(OUTAGE_FLOWS - (OUTAGE_THRESHOLD - 1), count(
                "select count(*) from outbox_email where flow_id like ? and text like '%" + OUTAGE_SENTENCE + "%'", prefix),
                "each owner of a linked flow told of the outage, once");
        awaitTrue(Duration.ofMinutes(3), () -> count(
                "select count(*) from outbox_email where flow_id like ? and status = 'SENT'", prefix) == OUTAGE_FLOWS);
        assertEquals(OUTAGE_FLOWS, count("select count(*) from outbox_email where flow_id like ? and attempts = 1", prefix),
                "each e-mail sent by one instance, once");
    }

    /** A DLP policy that every flow posting to Teams meets at once: an administrator's matter, and an outage-wide one. */
    private static String blockedByPolicy(String flowId, String code, Instant failedAt) {
        return """
                {"flowId": "%s", "runId": "run-1", "failedAt": "%s", "owner": {"email": "owner@contoso.com"},
                 "actions": [{"name": "Post message", "connector": "shared_teams", "statusCode": 403, "errorCode": "%s",
                   "message": "Admin data policy 'Contoso Strict' restricts the use of /providers/Microsoft.PowerApps/apis/shared_teams with /providers/Microsoft.PowerApps/apis/shared_twitter."}]}
                """
                .formatted(flowId, failedAt, code);
    }

    private static String request(String flowId, int run, Instant now, boolean owned) {
        // Only the first run names the owner: one e-mail per flow (later ones within the hour would be folded into
        // one waiting e-mail, as many as the senders' pace lets through).
        Instant failedAt = now.minus(Duration.ofHours(2)).plusSeconds(60L * run);
        return "{\"flowId\": \"" + flowId + "\", \"runId\": \"run-" + run + "\", \"failedAt\": \"" + failedAt + "\""
                + (owned ? ", \"owner\": {\"email\": \"owner@contoso.com\"}" : "")
                + ", \"actions\": [{\"name\": \"Get manager (V2)\", \"connector\": \"shared_office365users\","
                + " \"operation\": \"Manager_V2\", \"statusCode\": 404, \"message\": \"No manager found for the specified user.\"}]}";
    }

    private static String servingVersion(PackagedService service) {
        JsonPath health = service.request().when().get("/q/health/ready").then().extract().jsonPath();
        String version = health.getString("checks.find { it.name == 'rule-base' }.data.version");
        assertNotNull(version, health.prettify());
        return version;
    }

    private int count(String sql, String prefix) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, prefix + "%");
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The records to the topic and, at the same time, each flow's requests over HTTP by one of three clients, one after
     * the other: each request to both instances, as a client retrying through the load balancer after a lost answer
     * would, the instance asked first alternating.
     */
    private static void sendThroughBothDoors(String bootstrap, List<ProducerRecord<String, String>> records,
            List<List<String>> requestsByFlow, PackagedService a, PackagedService b) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        sent.add(clients.submit(() -> {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(bootstrap))) {
                records.forEach(producer::send);
                producer.flush();
            }
        }));
        int clientCount = 3;
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            sent.add(clients.submit(() -> {
                int i = 0;
                for (int f = client; f < requestsByFlow.size(); f += clientCount) {
                    for (String body : requestsByFlow.get(f)) {
                        for (PackagedService instance : i++ % 2 == 0 ? List.of(a, b) : List.of(b, a)) {
                            instance.request().header(TestApiKey.HEADER, TestApiKey.ALL_ROLES).contentType(ContentType.JSON)
                                    .body(body).when().post("/api/v1/diagnoses").then().statusCode(200);
                        }
                    }
                }
            }));
        }
        try {
            for (Future<?> done : sent) {
                done.get();
            }
        } finally {
            clients.shutdown();
        }
    }

    private static void awaitTrue(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return; // the assertions that follow say what is missing
            }
            Thread.sleep(500);
        }
    }

    private static Properties producerProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, "10"));
        return properties;
    }
}
