package io.flowdoctor.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.flowdoctor.TestApiKey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The console over HTTP: sign-in, CSRF, security headers, languages, and what its pages show. */
@QuarkusTest
class ConsoleTest {

    /** alice's password; application.properties holds only its hash (%test profile). */
    private static final String ALICE_PASSWORD = "alice-test-password";

    @Test
    void anyoneNotSignedInIsSentToTheSignInForm() {
        given().header(TestApiKey.HEADER, "").redirects().follow(false).when().get("/console/diagnoses")
                .then().statusCode(302).header("Location", endsWith("/console/login"));
        given().header(TestApiKey.HEADER, "").when().get("/console/login")
                .then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("name=\"j_username\""), containsString("action=\"/console/j_security_check\""));
    }

    @Test
    void anApiKeyDoesNotOpenTheConsole() {
        given().header(TestApiKey.HEADER, TestApiKey.ALL_ROLES).redirects().follow(false).when().get("/console")
                .then().statusCode(302).header("Location", endsWith("/console/login"));
    }

    @Test
    void aWrongPasswordIsRefused() {
        var refused = given().header(TestApiKey.HEADER, "").redirects().follow(false)
                .formParam("j_username", "support").formParam("j_password", "not-the-key")
                .when().post("/console/j_security_check");
        refused.then().statusCode(302).header("Location", endsWith("/console/login?error=true"));
        assertNull(refused.getCookie("flowdoctor-console"), "no session for a wrong password");
        // A key that is valid but carries another role does not sign in as support either.
        given().header(TestApiKey.HEADER, "").redirects().follow(false)
                .formParam("j_username", "support").formParam("j_password", TestApiKey.SERVICE)
                .when().post("/console/j_security_check")
                .then().statusCode(302).header("Location", endsWith("/console/login?error=true"));
        given().header(TestApiKey.HEADER, "").when().get("/console/login?error=true")
                .then().statusCode(200).body(containsString("Wrong user name or password."));
    }

    @Test
    void aRoleAndItsApiKeySignIn() {
        ConsoleSession session = ConsoleSession.signIn("support", TestApiKey.SUPPORT);
        session.open("/console").then().statusCode(200)
                .body(containsString("Signed in as support"), containsString("Failures per hour by category"));
    }

    @Test
    void aConfiguredUserSignsInWithAPasswordAndGetsItsRolesOnly() {
        assertThrows(IllegalStateException.class, () -> ConsoleSession.signIn("alice", "not-her-password"));
        ConsoleSession alice = ConsoleSession.signIn("alice", ALICE_PASSWORD);
        alice.open("/console/rules").then().statusCode(200).body(containsString("Signed in as alice"));
        // An analyst reads the cases but does not work them.
        alice.open("/console/cases").then().statusCode(200).body(containsString("Escalation cases"));
        alice.withToken().formParam("status", "ACKNOWLEDGED").when().post("/console/cases/" + UUID.randomUUID())
                .then().statusCode(403).body("status", equalTo(403));
    }

    @Test
    void aServiceKeySignsInButSeesNoPage() {
        ConsoleSession service = ConsoleSession.signIn("service", TestApiKey.SERVICE);
        service.request().when().get("/console/diagnoses").then().statusCode(403);
    }

    @Test
    void consolePagesCarrySecurityHeaders() {
        ConsoleSession session = ConsoleSession.signIn("analyst", TestApiKey.ANALYST);
        session.open("/console/rules").then().statusCode(200)
                .header("Content-Security-Policy", allOf(containsString("frame-ancestors 'none'"),
                        containsString("script-src 'self'"), containsString("style-src 'self'"),
                        not(containsString("unsafe-inline"))))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .body(containsString("Catalog ("));
        given().header(TestApiKey.HEADER, "").when().get("/console/login")
                .then().header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        String caseId = UUID.randomUUID().toString();
        ConsoleSession session = ConsoleSession.signIn("support", TestApiKey.SUPPORT);
        session.open("/console/cases");
        session.request().formParam("status", "ACKNOWLEDGED").when().post("/console/cases/" + caseId)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://flowdoctor.io/problems/csrf"));
        session.request().header(CsrfTokens.HEADER, "forged.token").header("HX-Request", "true")
                .formParam("status", "ACKNOWLEDGED").when().post("/console/cases/" + caseId)
                .then().statusCode(403).body(containsString("This page has expired"));
        // With the page's token the request goes through (to the unknown case).
        session.withToken().formParam("status", "ACKNOWLEDGED").when().post("/console/cases/" + caseId)
                .then().statusCode(404);
    }

    @Test
    void aCaseMoveTheApiRefusesIsRefusedWithItsReason() {
        String flow = "console-case-" + UUID.randomUUID();
        String diagnosisId = given().header(TestApiKey.HEADER, TestApiKey.SERVICE).contentType(ContentType.JSON)
                .body("{\"flowId\": \"" + flow + "\", \"actions\": [{\"name\": \"Create item\", \"statusCode\": 403, "
                        + "\"errorCode\": \"DlpViolation\", \"message\": \"Blocked by a data loss prevention policy\"}]}")
                .when().post("/api/v1/diagnoses").then().statusCode(200).extract().path("diagnosisId");
        ConsoleSession session = ConsoleSession.signIn("support", TestApiKey.SUPPORT);
        String page = session.open("/console/diagnoses/" + diagnosisId).then().statusCode(200).extract().asString();
        session.request().when().get("/console/diagnoses/" + diagnosisId + "/email")
                .then().statusCode(200).contentType(ContentType.HTML).body(containsString("Create item"));
        String caseId = page.replaceAll("(?s).*href=\"/console/cases/([0-9a-f-]{36})\".*", "$1");
        session.withToken().formParam("status", "RESOLVED").formParam("note", "Fixed <by> admin")
                .when().post("/console/cases/" + caseId)
                .then().statusCode(200).body(containsString("Saved."), containsString("RESOLVED"),
                        containsString("Fixed &lt;by&gt; admin"), not(containsString("<html")));
        session.withToken().formParam("status", "ACKNOWLEDGED").when().post("/console/cases/" + caseId)
                .then().statusCode(409).body(containsString("A case that is RESOLVED cannot become ACKNOWLEDGED"));
        session.withToken().formParam("note", "x".repeat(4001)).when().post("/console/cases/" + caseId)
                .then().statusCode(400).body(containsString("at most 4000 characters"));
    }

    @Test
    void theAuditFilterAnswersHtmxWithTheTableOnly() {
        String flow = "console-filter-" + UUID.randomUUID();
        given().header(TestApiKey.HEADER, TestApiKey.SERVICE).contentType(ContentType.JSON)
                .body("{\"flowId\": \"" + flow + "\", \"actions\": [{\"name\": \"HTTP\", \"statusCode\": 500}]}")
                .when().post("/api/v1/diagnoses").then().statusCode(200);
        ConsoleSession session = ConsoleSession.signIn("analyst", TestApiKey.ANALYST);
        session.request().header("HX-Request", "true").queryParam("flowId", flow).queryParam("category", "TRANSIENT")
                .when().get("/console/diagnoses")
                .then().statusCode(200).body(containsString("id=\"audit\""), containsString("1 diagnoses"),
                        containsString(flow), not(containsString("<html")));
        session.request().queryParam("flowId", flow).queryParam("category", "DATA").when().get("/console/diagnoses")
                .then().statusCode(200).body(containsString("<html"), containsString("No diagnosis matches these filters."));
    }

    @Test
    void dutchTextsForAcceptLanguageNl() {
        given().header(TestApiKey.HEADER, "").header("Accept-Language", "nl-NL,nl;q=0.9").when().get("/console/login")
                .then().statusCode(200).body(containsString("lang=\"nl\""), containsString("Gebruikersnaam"),
                        containsString("Wachtwoord"));
        ConsoleSession session = ConsoleSession.signIn("support", TestApiKey.SUPPORT);
        session.request().header("Accept-Language", "nl").when().get("/console/cases")
                .then().statusCode(200).body(containsString("Escalaties"), containsString("Aangemeld als support"));
        session.request().header("Accept-Language", "nl").when().get("/console/cases?lang=en")
                .then().statusCode(200).cookie("flowdoctor-lang", "en").body(containsString("Escalation cases"));
    }
}
