package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.flowdoctor.scenario.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The README's samples are bodies the API accepts as they are (curl -d @samples/FILE), answered as samples/expected.yaml says.
 */
@QuarkusTest
class SampleRequestsTest {

    private static final Path SAMPLES = Path.of("samples");

    static Stream<Path> samples() throws IOException {
        return Samples.jsonFiles(SAMPLES).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theServiceAnswersEverySampleWithItsExpectedCategory(Path sample) throws IOException {
        Map<String, Map<String, Object>> expected = new YAMLMapper().readValue(SAMPLES.resolve(Samples.EXPECTED).toFile(),
                new TypeReference<Map<String, Map<String, Object>>>() {
                });
        given().contentType(ContentType.JSON).body(Files.readString(sample))
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200)
                .body("category", equalTo(expected.get(sample.getFileName().toString()).get("category")));
    }
}
