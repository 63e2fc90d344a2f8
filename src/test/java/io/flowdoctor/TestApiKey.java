package io.flowdoctor;

import java.util.Arrays;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.flowdoctor.security.ApiKeyHash;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Every HTTP test calls with an API key that holds all roles unless it sends a key of its own (an
 * empty one for an anonymous call). Registered twice, as each test class loader has its own RestAssured:
 * as a Quarkus callback for @QuarkusTest (META-INF/services) and as a JUnit extension, auto-detected
 * (pom.xml), for the tests against the packaged jar.
 */
public class TestApiKey implements BeforeEachCallback, QuarkusTestBeforeEachCallback {

    public static final String HEADER = "X-API-Key";
    public static final String ALL_ROLES = "test-all-key";
    public static final String SERVICE = "test-service-key";
    public static final String ANALYST = "test-analyst-key";
    public static final String SUPPORT = "test-support-key";

    /** The given settings of a packaged service, and the key of every role ({@link #ALL_ROLES}) configured beside them. */
    public static String[] withAllRolesKey(String... settings) {
        String[] all = Arrays.copyOf(settings, settings.length + 2);
        all[settings.length] = "flowdoctor.security.api-keys.all.hash=" + ApiKeyHash.of(ALL_ROLES);
        all[settings.length + 1] = "flowdoctor.security.api-keys.all.roles=service,analyst,support";
        return all;
    }

    private static final Filter DEFAULT_KEY = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName(HEADER)) {
            request.header(HEADER, ALL_ROLES);
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(ExtensionContext context) {
        install();
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        install();
    }

    private static void install() {
        if (!RestAssured.filters().contains(DEFAULT_KEY)) {
            RestAssured.filters(DEFAULT_KEY);
        }
    }
}
