package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/** Paging with any page number answers a page (empty past the end) or 400 naming page, never a 500. */
@QuarkusTest
class PagingResourceTest {

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/diagnoses", "/api/v1/escalations", "/api/v1/knowledge-gaps" })
    void aPageFarPastTheEndIsEmpty(String path) {
        given().queryParam("page", 1_000_000).queryParam("size", 200).when().get(path)
                .then().statusCode(200).body("items.size()", equalTo(0)).body("page", equalTo(1_000_000));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/diagnoses", "/api/v1/escalations", "/api/v1/knowledge-gaps" })
    void aPageNumberTooLargeToReachIsRefusedNamingPage(String path) {
        for (String page : new String[] { "20000000", "2147483647", "99999999999", "-1", "x" }) {
            given().queryParam("page", page).queryParam("size", 200).when().get(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo("page"))
                    .body("detail", containsString("page"));
        }
    }
}
