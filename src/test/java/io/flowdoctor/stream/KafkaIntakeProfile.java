package io.flowdoctor.stream;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service with its Kafka intake on, against a real broker of its own. */
public class KafkaIntakeProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaBroker.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // The dead-letter test sends bad records on purpose; their warnings are asserted through the topic. A broker
        // starting in the same JVM on a machine shared with other builds can keep a new connection waiting past the
        // pool's default 5 s.
        return Map.of("quarkus.log.category.\"io.flowdoctor.stream.FailedRunsConsumer\".level", "ERROR",
                "quarkus.datasource.jdbc.acquisition-timeout", "60S");
    }
}
