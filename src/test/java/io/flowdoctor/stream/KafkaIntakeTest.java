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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Two hundred failed Logic Apps runs of twenty workflows through a real Kafka broker, as Azure Monitor streams
 * their WorkflowRuntime records to an event hub ({@code {"records": [...]}}), keyed by workflow: some runs' records
 * come in two events (the failed action's, then the scope's and the run's completion, which hold nothing to
 * diagnose), some events come again, one record is malformed. Beside them, v1 requests of flows with an owner, some
 * sent twice, and two values that are no failed run. Every run is diagnosed, counted and audited exactly once, each
 * flow's failures in order, every owner e-mailed once, the diagnoses are on their topic, the events without a failure
 * are passed over, and exactly the bad records are on the dead-letter topic with their problems.
 */
@QuarkusTest
@TestProfile(KafkaIntakeProfile.class)
class KafkaIntakeTest {

    private static final String FAILED_RUNS = "flowdoctor.failed-runs";
    private static final String DEAD_LETTERS = "flowdoctor.failed-runs.dead-letter";
    private static final int WORKFLOWS = 20;
    private static final int RUNS_PER_WORKFLOW = 10;
    private static final int V1_FLOWS = 10;
    private static final int RUNS_PER_V1_FLOW = 10;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The records to send and the answers they are due: one per failed run in each value, copies included. */
    private final List<ProducerRecord<String, String>> records = new ArrayList<>();
    private int answersDue;
    private int copies;

    @Test
    void everyRunIsDiagnosedOnceInOrderAndBadRecordsGoToTheDeadLetterTopic() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // A subscription of this test's own: the workflows' flow ids (their resource ids in lower case) start with it.
        String subscription = UUID.randomUUID().toString();
        String workflows = "/subscriptions/" + subscription
                + "/resourcegroups/contoso-integration/providers/microsoft.logic/workflows/";
        String v1Flows = "kafka-" + tag + "-";
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));

        // Round by round, one run of every workflow and flow: their records interleave on the partitions.
        Map<String, List<String>> pending = new HashMap<>();
        for (int run = 0; run < RUNS_PER_WORKFLOW; run++) {
            Instant failedAt = start.plusSeconds(60L * run);
            for (int w = 0; w < WORKFLOWS; w++) {
                String flowId = workflows + "invoice-sync-" + w;
                String runId = "08584" + String.format("%05d%05d", w, run) + tag.toUpperCase();
                ArrayNode events = json.createArrayNode();
                events.add(actionStarted(subscription, w, runId, failedAt));
                events.add(actionFailed(subscription, w, runId, failedAt));
                ArrayNode completion = json.createArrayNode();
                completion.add(scopeFailed(subscription, w, runId, failedAt));
                completion.add(runFailed(subscription, w, runId, failedAt));
                // Every workflow's first run and every seventh run come twice.
                boolean copy = run == 0 || (w + run) % 7 == 0;
                if ((w + run) % 3 == 0) {
                    // The run's records in two events: the second holds only the scope's and the run's outcome.
                    send(flowId, records(events), 1, copy, run, pending);
                    send(flowId, records(completion), 0, false, run, pending);
                } else {
                    events.addAll(completion);
                    send(flowId, records(events), 1, copy, run, pending);
                }
            }
            if (run < RUNS_PER_V1_FLOW) {
                for (int flow = 0; flow < V1_FLOWS; flow++) {
                    String flowId = v1Flows + flow;
                    send(flowId, request(flowId, "run-" + flow + "-" + run, failedAt, run == 0), 1,
                            run == 0 || (flow + run) % 7 == 0, run, pending);
                }
            }
        }
        // A record of a failed action that names neither run nor action, and two values that are no failed run.
        String malformed = workflows + "malformed";
        ObjectNode nameless = actionFailed(subscription, 0, "none", start);
        nameless.put("resourceId", malformed.toUpperCase());
        ((ObjectNode) nameless.get("properties")).remove("resource");
        records.add(new ProducerRecord<>(FAILED_RUNS, malformed, records(json.createArrayNode().add(nameless))));
        records.add(new ProducerRecord<>(FAILED_RUNS, v1Flows + "bad", "{\"records\": [{\"time\": "));
        records.add(new ProducerRecord<>(FAILED_RUNS, v1Flows + "invalid",
                "{\"flowId\": \"" + v1Flows + "invalid\", \"actions\": []}"));

        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record);
            }
            producer.flush();
        }

        int runs = WORKFLOWS * RUNS_PER_WORKFLOW + V1_FLOWS * RUNS_PER_V1_FLOW;
        // Per flow, the answers in the order the topic holds them.
        Map<String, List<JsonNode>> answers = new LinkedHashMap<>();
        int received = 0;
        Set<String> answeredRuns = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = consumer(List.of("flowdoctor.diagnoses"))) {
            // Unloaded, 2 cores take about 15 s; a machine shared with other builds may take minutes.
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            // Until every run is answered: the broker may itself deliver a record again (at least once), so the
            // count of answers alone can be reached before the last run's answer is in.
            while ((received < answersDue || answeredRuns.size() < runs) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode answer = json.readTree(record.value());
                    assertEquals(record.key(), answer.get("flowId").asText(), "diagnoses are keyed by flow id");
                    if (record.key().startsWith(workflows) || record.key().startsWith(v1Flows)) {
                        answers.computeIfAbsent(record.key(), id -> new ArrayList<>()).add(answer);
                        answeredRuns.add(record.key() + " " + answer.get("runId").asText());
                        received++;
                    }
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("%d failed runs (%d copies, %d records) through Kafka diagnosed in %d s (%.0f answers/s)%n", runs,
                copies, records.size(), took.toSeconds(), answersDue * 1000.0 / took.toMillis());
        assertEquals(runs, answeredRuns.size(), "every failed run answered");
        // Copies are answered again (with the first answer, checked below); the broker may add a redelivery of its own.
        assertTrue(received >= answersDue, "one answer per failed run in a record, copies answered again: " + received);

        for (int w = 0; w < WORKFLOWS; w++) {
            List<JsonNode> flowAnswers = inOrder(answers, workflows + "invoice-sync-" + w, RUNS_PER_WORKFLOW);
            flowAnswers.forEach(answer -> {
                assertEquals("Set variable", answer.get("failedAction").asText(), "the step, as the designer names it");
                assertEquals("EXPRESSION", answer.get("category").asText(), answer.toString());
            });
        }
        for (int flow = 0; flow < V1_FLOWS; flow++) {
            inOrder(answers, v1Flows + flow, RUNS_PER_V1_FLOW);
        }

        assertEquals(WORKFLOWS * RUNS_PER_WORKFLOW, count("failure_record", workflows), "each Logic Apps run counted once");
        assertEquals(WORKFLOWS * RUNS_PER_WORKFLOW, count("diagnosis_record", workflows), "each Logic Apps run audited once");
        assertEquals(WORKFLOWS, flowsCounted(workflows, RUNS_PER_WORKFLOW));
        assertEquals(0, count("outbox_email", workflows), "resource logs name no owner: nobody to e-mail");
        assertEquals(V1_FLOWS * RUNS_PER_V1_FLOW, count("failure_record", v1Flows), "each v1 run counted once");
        assertEquals(V1_FLOWS * RUNS_PER_V1_FLOW, count("diagnosis_record", v1Flows), "each v1 run audited once");
        assertEquals(V1_FLOWS, flowsCounted(v1Flows, RUNS_PER_V1_FLOW));
        assertEquals(V1_FLOWS, count("outbox_email", v1Flows), "each owner's first failure e-mailed once, copies not");

        // Every record taken (the group's offsets at the topic's end), then the whole dead-letter topic: exactly the
        // three bad records, none of the events that held no failure.
        awaitConsumed(Duration.ofMinutes(2));
        Map<String, JsonNode> problems = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(List.of())) {
            TopicPartition partition = new TopicPartition(DEAD_LETTERS, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && (record.key().startsWith(workflows) || record.key().startsWith(v1Flows))) {
                        Header problem = record.headers().lastHeader(FailedRunsConsumer.PROBLEM_HEADER);
                        assertNotNull(problem, "a dead letter carries its problem");
                        assertNotNull(record.headers().lastHeader("dead-letter-reason"));
                        JsonNode previous = problems.put(record.key(),
                                json.readTree(new String(problem.value(), StandardCharsets.UTF_8)));
                        assertEquals(null, previous, "one dead letter per bad record: " + record.key());
                    }
                }
            }
        }
        assertEquals(Set.of(malformed, v1Flows + "bad", v1Flows + "invalid"), problems.keySet());
        JsonNode unnamed = problems.get(malformed);
        assertEquals("https://flowdoctor.io/problems/invalid-run-payload", unnamed.get("type").asText());
        assertEquals("/records/0/resourceId", unnamed.get("field").asText(), unnamed.toString());
        assertTrue(unnamed.get("detail").asText().contains("must name the workflow and run"), unnamed.toString());
        JsonNode notJson = problems.get(v1Flows + "bad");
        assertEquals("https://flowdoctor.io/problems/malformed-json", notJson.get("type").asText());
        assertTrue(notJson.get("detail").asText().startsWith("The body is not valid JSON"), notJson.toString());
        JsonNode invalid = problems.get(v1Flows + "invalid");
        assertEquals("https://flowdoctor.io/problems/invalid-request", invalid.get("type").asText());
        assertEquals("actions", invalid.get("field").asText());
        assertEquals("actions must not be empty", invalid.get("detail").asText());
        assertEquals(0, count("diagnosis_record", malformed) + count("diagnosis_record", v1Flows + "bad")
                + count("diagnosis_record", v1Flows + "invalid"));
    }

    /**
     * Queues a record due {@code failedRuns} answers. From the third round on, a key's oldest record kept for a copy
     * comes again after its new one, as a redelivery would bring it; {@code copyLater} keeps this one for that.
     */
    private void send(String key, String value, int failedRuns, boolean copyLater, int round,
            Map<String, List<String>> pending) {
        records.add(new ProducerRecord<>(FAILED_RUNS, key, value));
        answersDue += failedRuns;
        if (failedRuns == 0) {
            return;
        }
        List<String> later = pending.computeIfAbsent(key, id -> new ArrayList<>());
        if (round >= 2 && !later.isEmpty()) {
            records.add(new ProducerRecord<>(FAILED_RUNS, key, later.remove(0)));
            answersDue++;
            copies++;
        }
        if (copyLater) {
            later.add(value);
        }
    }

    /** One flow's distinct answers, one per run, numbered 1, 2, 3... in the order of its runs; copies as the first. */
    private static List<JsonNode> inOrder(Map<String, List<JsonNode>> answers, String flowId, int runs) {
        List<JsonNode> flowAnswers = answers.get(flowId);
        assertNotNull(flowAnswers, flowId + " was answered");
        Map<String, JsonNode> distinct = new LinkedHashMap<>();
        for (JsonNode answer : flowAnswers) {
            JsonNode first = distinct.putIfAbsent(answer.get("runId").asText(), answer);
            if (first != null) {
                assertEquals(first.get("diagnosisId"), answer.get("diagnosisId"), "a copy gets the first answer");
            }
        }
        assertEquals(runs, distinct.size(), flowId + ": one diagnosis per run");
        int expected = 0;
        for (JsonNode answer : distinct.values()) {
            // One flow's failures are taken in order: the n-th run is the n-th failure of its incident.
            assertEquals(++expected, answer.at("/repairTips/troubleshootingTips/failureCount").asInt(),
                    flowId + ", " + answer.get("runId"));
        }
        return List.copyOf(distinct.values());
    }

    private String records(ArrayNode events) throws Exception {
        ObjectNode body = json.createObjectNode();
        body.set("records", events);
        return json.writeValueAsString(body);
    }

    /** A WorkflowRuntime record as the Logic Apps diagnostic schema writes it: resource ids in capitals. */
    private ObjectNode event(String subscription, int workflow, String runId, String action, String operation,
            String status, String level, Instant at) {
        String workflowId = ("/SUBSCRIPTIONS/" + subscription
                + "/RESOURCEGROUPS/CONTOSO-INTEGRATION/PROVIDERS/MICROSOFT.LOGIC/WORKFLOWS/INVOICE-SYNC-" + workflow)
                .toUpperCase();
        ObjectNode event = json.createObjectNode();
        event.put("time", at.toString()).put("workflowId", workflowId)
                .put("resourceId", workflowId + "/RUNS/" + runId + (action == null ? "" : "/ACTIONS/" + action.toUpperCase()))
                .put("category", "WorkflowRuntime").put("level", level)
                .put("operationName", "Microsoft.Logic/workflows/" + operation);
        ObjectNode properties = event.putObject("properties");
        properties.put("$schema", "2016-06-01").put("startTime", at.minusSeconds(2).toString()).put("status", status);
        if (!"Running".equals(status)) {
            properties.put("endTime", at.toString());
        }
        ObjectNode resource = properties.putObject("resource");
        resource.put("subscriptionId", subscription).put("resourceGroupName", "contoso-integration")
                .put("workflowName", "invoice-sync-" + workflow).put("runId", runId).put("location", "westeurope");
        if (action != null) {
            resource.put("actionName", action);
        }
        return event;
    }

    private ObjectNode actionStarted(String subscription, int workflow, String runId, Instant at) {
        return event(subscription, workflow, runId, "Set_variable", "workflowActionStarted", "Running", "Information", at);
    }

    /** The engine's own expression failure: the flow's definition reads a property the trigger does not have. */
    private ObjectNode actionFailed(String subscription, int workflow, String runId, Instant at) {
        ObjectNode event = event(subscription, workflow, runId, "Set_variable", "workflowActionCompleted", "Failed", "Error",
                at);
        ObjectNode properties = (ObjectNode) event.get("properties");
        properties.put("code", "InvalidTemplate");
        properties.putObject("error").put("code", "InvalidTemplate").put("message",
                "Unable to process template language expressions in action 'Set_variable' inputs at line '0' and column '0': "
                        + "'The template language expression 'triggerBody()['Department']' cannot be evaluated because "
                        + "property 'Department' doesn't exist, available properties are 'Title, ID'. Please see "
                        + "https://aka.ms/logicexpressions for usage details.'.");
        return event;
    }

    private ObjectNode scopeFailed(String subscription, int workflow, String runId, Instant at) {
        ObjectNode event = event(subscription, workflow, runId, "Try", "workflowActionCompleted", "Failed", "Error",
                at.plusSeconds(1));
        actionFailedError((ObjectNode) event.get("properties"));
        return event;
    }

    private ObjectNode runFailed(String subscription, int workflow, String runId, Instant at) {
        ObjectNode event = event(subscription, workflow, runId, null, "workflowRunCompleted", "Failed", "Error",
                at.plusSeconds(2));
        actionFailedError((ObjectNode) event.get("properties"));
        return event;
    }

    private static void actionFailedError(ObjectNode properties) {
        properties.put("code", "ActionFailed");
        properties.putObject("error").put("code", "ActionFailed")
                .put("message", "An action failed. No dependent actions succeeded.");
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

    /** Waits until the service's group has committed the failed-runs topic up to its end: every record was taken. */
    private void awaitConsumed(Duration timeout) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < KafkaBroker.PARTITIONS; p++) {
                latest.put(new TopicPartition(FAILED_RUNS, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition,
                    info.offset()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("flow-doctor")
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                boolean done = ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue());
                if (done) {
                    return;
                }
                assertTrue(System.nanoTime() < deadline, "the group committed " + committed + ", the topic ends at " + ends);
                Thread.sleep(500);
            }
        }
    }

    private int flowsCounted(String prefix, int failures) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from flow_state where flow_id like ?1 and incident_failures = ?2")
                .setParameter(1, prefix + "%").setParameter(2, failures).getSingleResult()).intValue());
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

    private KafkaConsumer<String, String> consumer(List<String> topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
        if (!topics.isEmpty()) {
            consumer.subscribe(topics);
        }
        return consumer;
    }
}
