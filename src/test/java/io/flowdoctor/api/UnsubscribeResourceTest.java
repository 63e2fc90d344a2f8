package io.flowdoctor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.flowdoctor.notify.UnsubscribeTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The unsubscribe link: GET asks to confirm and changes nothing (scanners follow links), POST (the page's
 * button or a mail client's one-click) switches the e-mails off; forged, expired and superseded links are
 * refused; no answer shows the owner's address.
 */
@QuarkusTest
class UnsubscribeResourceTest {

    @Inject
    UnsubscribeTokens tokens;

    @Test
    void getShowsAConfirmationPageAndChangesNothing() {
        String flow = "unsub-" + UUID.randomUUID();

        given().queryParam("token", token(flow, 0)).when().get("/api/v1/unsubscribe")
                .then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("Stop the repair-tips e-mails for the flow <code>" + flow + "</code>?"))
                .body(containsString("<form method=\"post\""))
                .body(not(containsString("@")));

        given().when().get("/api/v1/flows/" + flow + "/settings").then().body("repairTipsEmail", equalTo(true));
    }

    @Test
    void postSwitchesTheEmailsOffAlsoAsOneClickUnsubscribe() {
        String flow = "unsub-" + UUID.randomUUID();

        given().queryParam("token", token(flow, 0)).contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .when().post("/api/v1/unsubscribe")
                .then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("Repair-tips e-mails for the flow <code>" + flow + "</code> are switched off."))
                .body(not(containsString("@")));

        given().when().get("/api/v1/flows/" + flow + "/settings").then().body("repairTipsEmail", equalTo(false));
        // the same link again: still off, no error
        given().queryParam("token", token(flow, 0)).when().post("/api/v1/unsubscribe").then().statusCode(200);
    }

    @Test
    void aLinkSentBeforeTheOwnerSubscribedAgainNoLongerWorks() {
        String flow = "unsub-" + UUID.randomUUID();
        String old = token(flow, 0);
        given().queryParam("token", old).when().post("/api/v1/unsubscribe").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"repairTipsEmail\": true}")
                .when().put("/api/v1/flows/" + flow + "/settings").then().statusCode(200);

        given().queryParam("token", old).when().post("/api/v1/unsubscribe")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://flowdoctor.io/problems/superseded-token"))
                .body("field", equalTo("token"));
        given().queryParam("token", old).when().get("/api/v1/unsubscribe")
                .then().statusCode(400).body("type", equalTo("https://flowdoctor.io/problems/superseded-token"));
        given().when().get("/api/v1/flows/" + flow + "/settings").then().body("repairTipsEmail", equalTo(true));

        given().queryParam("token", token(flow, 1)).when().post("/api/v1/unsubscribe").then().statusCode(200);
        given().when().get("/api/v1/flows/" + flow + "/settings").then().body("repairTipsEmail", equalTo(false));
    }

    @Test
    void anExpiredLinkIsRefused() {
        String flow = "unsub-" + UUID.randomUUID();
        String expired = tokens.sign(flow, 0, Instant.now().minusSeconds(1));

        given().queryParam("token", expired).when().post("/api/v1/unsubscribe")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://flowdoctor.io/problems/expired-token"))
                .body("title", equalTo("Expired token"))
                .body("field", equalTo("token"));
        given().when().get("/api/v1/flows/" + flow + "/settings").then().body("repairTipsEmail", equalTo(true));
    }

    @Test
    void aForgedOrReSplitLinkIsRefused() {
        String flow = "unsub-" + UUID.randomUUID();
        String genuine = token(flow + "\nx", 0);
        String payload = genuine.substring(0, genuine.indexOf('.'));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(flow.getBytes()) + "."
                + payload + genuine.substring(genuine.indexOf('.'));

        for (String token : new String[] { forged, genuine.substring(0, genuine.length() - 2) + "AA", "x.y", "" }) {
            given().queryParam("token", token).when().post("/api/v1/unsubscribe")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://flowdoctor.io/problems/invalid-token"))
                    .body("status", equalTo(400))
                    .body("field", equalTo("token"))
                    .body("detail", containsString("not valid"));
        }
        given().when().post("/api/v1/unsubscribe").then().statusCode(400).body("field", equalTo("token"));
        given().when().get("/api/v1/flows/" + flow + "/settings").then().body("repairTipsEmail", equalTo(true));
    }

    private String token(String flow, long version) {
        return tokens.sign(flow, version, Instant.now().plus(Duration.ofDays(1)));
    }
}
