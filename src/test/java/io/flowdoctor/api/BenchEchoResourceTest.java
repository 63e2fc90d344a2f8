package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The benchmark's echo endpoint does not exist unless it is switched on. */
@QuarkusTest
class BenchEchoResourceTest {

    static final String REQUEST = """
            {"flowId": "echo", "actions": [{"name": "Get manager (V2)", "connector": "office365users",
             "statusCode": 404, "message": "No manager found for the specified user."}]}
            """;

    @Test
    void answersNotFoundWhenSwitchedOff() {
        given().contentType(ContentType.JSON).body(REQUEST)
                .when().post("/bench/echo")
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404));
    }
}
