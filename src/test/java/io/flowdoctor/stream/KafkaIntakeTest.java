package io.flowdoctor.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Ten thousand failed runs of two hundred flows through a real Kafka broker, keyed by flow, with copies of some
 * records delivered again and two records that are no failed run: every run is diagnosed, counted, audited and
 * e-mailed exactly once, each flow's failures in order, the diagnoses are on their topic, and the bad records on
 * the dead-letter topic with their problems.
 */
@QuarkusTest
@TestProfile(KafkaIntakeProfile.class)
class KafkaIntakeTest {

    private static final int FLOWS = 200;
    private static final int RUNS_PER_FLOW = 50;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyRunIsDiagnosedOnceInOrderAndBadRecordsGoToTheDeadLetterTopic() throws Exception {
        String prefix = "kafka-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        int copies = 0;
        // Round by round, one run of every flow: the flows' records interleave on the partitions.
        Map<String, List<String>> pending = new HashMap<>();
        for (int run = 0; run < RUNS_PER_FLOW; run++) {
            for (int flow = 0; flow < FLOWS; flow++) {
                String flowId = prefix + flow;
                // The first run names the flow's owner: one e-mail per flow (later ones within the hour would be
                // folded into one waiting e-mail, as many as the sender's pace lets through).
                String value = request(flowId, "run-" + flow + "-" + run, now.minus(Duration.ofDays(1)).plusSeconds(60L * run),
                        run == 0);
                records.add(new ProducerRecord<>("flowdoctor.failed-runs", flowId, value));
                // The copy of every seventh run comes again two rounds later, as a redelivery would.
                List<String> later = pending.computeIfAbsent(flowId, id -> new ArrayList<>());
                if (run >= 2 && !later.isEmpty()) {
                    records.add(new ProducerRecord<>("flowdoctor.failed-runs", flowId, later.remove(0)));
                    copies++;
                }
                if (run == 0 || (flow + run) % 7 == 0) {
                    later.add(value);
                }
            }
        }
        records.add(new ProducerRecord<>("flowdoctor.failed-runs", prefix + "bad", "{\"flowId\": \"" + prefix + "bad\", "));
        records.add(new ProducerRecord<>("flowdoctor.failed-runs", prefix + "invalid",
                "{\"flowId\": \"" + prefix + "invalid\", \"actions\": []}"));

        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record);
            }
            producer.flush();
        }

        int runs = FLOWS * RUNS_PER_FLOW;
        // Per flow, the answers in the order the topic holds them.
        Map<String, List<JsonNode>> answers = new LinkedHashMap<>();
        int received = 0;
        try (KafkaConsumer<String, String> consumer = consumer("flowdoctor.diagnoses")) {
            // Unloaded, 2 cores take about a minute; a machine shared with other builds may take several.
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (received < runs + copies && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode answer = json.readTree(record.value());
                    assertEquals(record.key(), answer.get("flowId").asText(), "diagnoses are keyed by flow id");
                    if (record.key().startsWith(prefix)) {
                        answers.computeIfAbsent(record.key(), id -> new ArrayList<>()).add(answer);
                        received++;
                    }
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("%d failed runs (%d copies) through Kafka diagnosed in %d s (%.0f records/s)%n", runs, copies,
                took.toSeconds(), (runs + copies) * 1000.0 / took.toMillis());
        assertEquals(runs + copies, received, "one answer per record, copies answered again");

        for (int flow = 0; flow < FLOWS; flow++) {
            List<JsonNode> flowAnswers = answers.get(prefix + flow);
            assertNotNull(flowAnswers, "flow " + flow + " was answered");
            Map<String, JsonNode> distinct = new LinkedHashMap<>();
            for (JsonNode answer : flowAnswers) {
                JsonNode first = distinct.putIfAbsent(answer.get("runId").asText(), answer);
                if (first != null) {
                    assertEquals(first.get("diagnosisId"), answer.get("diagnosisId"), "a copy gets the first answer");
                }
            }
            assertEquals(RUNS_PER_FLOW, distinct.size(), "flow " + flow + ": one diagnosis per run");
            int expected = 0;
            for (JsonNode answer : distinct.values()) {
                // One flow's failures are taken in order: the n-th run is the n-th failure of its incident.
                assertEquals(++expected, answer.at("/repairTips/troubleshootingTips/failureCount").asInt(),
                        "flow " + flow + ", " + answer.get("runId"));
            }
        }

        assertEquals(runs, count("failure_record", prefix), "each run counted once");
        assertEquals(runs, count("diagnosis_record", prefix), "each run audited once");
        assertEquals(FLOWS, count("outbox_email", prefix), "each owner's first failure e-mailed once, copies not");
        assertEquals(FLOWS, QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from flow_state where flow_id like ?1 and incident_failures = ?2")
                        .setParameter(1, prefix + "%").setParameter(2, RUNS_PER_FLOW).getSingleResult()).intValue()));

        Map<String, JsonNode> problems = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer("flowdoctor.failed-runs.dead-letter")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (problems.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && record.key().startsWith(prefix)) {
                        Header problem = record.headers().lastHeader(FailedRunsConsumer.PROBLEM_HEADER);
                        assertNotNull(problem, "a dead letter carries its problem");
                        assertNotNull(record.headers().lastHeader("dead-letter-reason"));
                        problems.put(record.key(), json.readTree(new String(problem.value(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        assertEquals(Set.of(prefix + "bad", prefix + "invalid"), problems.keySet());
        JsonNode malformed = problems.get(prefix + "bad");
        assertEquals("https://flowdoctor.io/problems/malformed-json", malformed.get("type").asText());
        assertTrue(malformed.get("detail").asText().startsWith("The body is not valid JSON"), malformed.toString());
        JsonNode invalid = problems.get(prefix + "invalid");
        assertEquals("https://flowdoctor.io/problems/invalid-request", invalid.get("type").asText());
        assertEquals("actions", invalid.get("field").asText());
        assertEquals("actions must not be empty", invalid.get("detail").asText());
        assertEquals(0, count("diagnosis_record", prefix + "bad") + count("diagnosis_record", prefix + "invalid"));
    }

    private String request(String flowId, String runId, Instant failedAt, boolean owned) throws Exception {
        ObjectNode request = json.createObjectNode();
        request.put("flowId", flowId).put("flowName", "Leave request").put("runId", runId).put("failedAt", failedAt.toString());
        if (owned) {
            request.putObject("owner").put("email", "owner@contoso.com").put("displayName", "Owner");
        }
        ObjectNode step = request.putArray("actions").addObject();
        step.put("name", "Get manager (V2)").put("connector", "shared_office365users").put("operation", "Manager_V2")
                .put("statusCode", 404).put("errorCode", "ResourceNotFound")
                .put("message", "No manager found for the specified user.");
        request.withArray("actions").addObject().put("name", "Scope").put("status", "Failed").put("errorCode", "ActionFailed")
                .put("message", "An action failed. No dependent actions succeeded.");
        return json.writeValueAsString(request);
    }

    private int count(String table, String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from " + table + " where flow_id like ?1")
                .setParameter(1, prefix + "%").getSingleResult()).intValue());
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        return properties;
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
