package io.flowdoctor.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP tests against the packaged service (target/quarkus-app/quarkus-run.jar). */
@QuarkusIntegrationTest
class DiagnosisResourceIT extends DiagnosisResourceTest {
}
