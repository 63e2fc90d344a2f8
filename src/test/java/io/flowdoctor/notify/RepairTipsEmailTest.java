package io.flowdoctor.notify;

import static io.flowdoctor.notify.GreenMailResource.messagesTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The repair-tips e-mail as a real SMTP server receives it. */
@QuarkusTest
@TestProfile(SmtpProfile.class)
class RepairTipsEmailTest {

    private static final Pattern UNSUBSCRIBE = Pattern
            .compile("http://flowdoctor\\.test/api/v1/unsubscribe\\?token=([A-Za-z0-9_.-]+)");

    @Test
    void aFailureWithAnOwnerSendsOneEmailWithEverySectionInTheOwnersLanguage() throws Exception {
        String owner = newOwner();
        String flow = "mail-" + UUID.randomUUID();
        String diagnosisId = diagnose(flow, owner, "nl", 404, "2026-11-27T10:15:00Z");

        MimeMessage message = awaitMessages(owner, 1).get(0);
        assertEquals("Uw stroom 'Verlofaanvraag' is mislukt: Geef de gebruiker een manager in Microsoft Entra ID",
                message.getSubject());
        String text = part(message, "text/plain");
        String html = part(message, "text/html");
        for (String section : List.of("Wanneer", "Wat er is gebeurd", "Hoe u het oplost",
                "Tips voor het oplossen van problemen")) {
            assertTrue(text.contains(section), section + " in\n" + text);
            assertTrue(html.contains(">" + section + "</h2>"), section + " in\n" + html);
        }
        assertTrue(text.contains("2026-11-27 10:15 UTC"), text);
        assertTrue(text.contains("Deze stroom is sinds 2026-11-27 10:15 UTC 1 keer mislukt."), text);
        assertTrue(text.startsWith("Beste Owner,"), text);
        assertTrue(text.contains("1. Open de details van de mislukte uitvoering"), text);
        assertTrue(text.contains("Wie: U (de maker van de stroom)"), text);
        assertTrue(text.contains("Wie: Een tenantbeheerder"), text);
        // Resubmitting is safe once the manager is set (AFTER_FIX with a safe tip): the button is there.
        assertTrue(
                html.contains("href=\"https://make.powerautomate.com/environments/Default-1/flows/" + flow + "/runs/run-1\""),
                html);
        assertTrue(html.contains("href=\"https://make.powerautomate.com/environments/Default-1/flows/" + flow + "/details\""),
                html);
        assertTrue(UNSUBSCRIBE.matcher(text).find(), text);

        String preview = given().queryParam("format", "text").when().get("/api/v1/diagnoses/" + diagnosisId + "/email")
                .then().statusCode(200).header("X-Email-Subject", message.getSubject()).extract().asString();
        assertEquals(normalise(text), normalise(preview));
        String htmlPreview = given().when().get("/api/v1/diagnoses/" + diagnosisId + "/email")
                .then().statusCode(200).contentType(ContentType.HTML).extract().asString();
        assertEquals(normalise(html), normalise(htmlPreview));
    }

    @Test
    void repeatsOfAnIncidentAreFoldedIntoOneLaterEmailWithTheNewCount() throws Exception {
        String owner = newOwner();
        String flow = "mail-" + UUID.randomUUID();
        diagnose(flow, owner, "en", 404, "2026-11-27T10:00:00Z");
        awaitMessages(owner, 1);
        diagnose(flow, owner, "en", 404, "2026-11-27T10:01:00Z");
        diagnose(flow, owner, "en", 404, "2026-11-27T10:02:00Z");

        Thread.sleep(1000);
        assertEquals(1, messagesTo(owner).size(), "repeats wait for the repeat interval");
        List<MimeMessage> messages = awaitMessages(owner, 2);
        assertTrue(part(messages.get(1), "text/plain").contains("This flow has failed 3 times since 2026-11-27 10:00 UTC."));
        Thread.sleep((SmtpProfile.REPEAT_SECONDS + 1) * 1000L);
        assertEquals(2, messagesTo(owner).size(), "no e-mail without a new failure");
    }

    @Test
    void transientFailuresAreReportedOnlyOnceTheAutomaticRetriesAreUsedUp() throws Exception {
        String owner = newOwner();
        String flow = "mail-" + UUID.randomUUID();
        for (int minute = 0; minute < 4; minute++) {
            diagnose(flow, owner, "en", 502, "2026-11-27T10:0" + minute + ":00Z");
        }
        Thread.sleep(1500);
        assertEquals(0, messagesTo(owner).size());
        diagnose(flow, owner, "en", 502, "2026-11-27T10:30:00Z");
        assertTrue(part(awaitMessages(owner, 1).get(0), "text/plain").contains("failed 5 times"));
    }

    @Test
    void anOwnerWhoOptedOutReceivesNothing() throws Exception {
        String owner = newOwner();
        String flow = "mail-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("{\"repairTipsEmail\": false}")
                .when().put("/api/v1/flows/" + flow + "/settings")
                .then().statusCode(200).body("repairTipsEmail", equalTo(false));
        diagnose(flow, owner, "en", 404, "2026-11-27T10:00:00Z");
        Thread.sleep(1500);
        assertEquals(0, messagesTo(owner).size());
        given().when().get("/api/v1/flows/" + flow + "/settings").then().body("repairTipsEmail", equalTo(false));
    }

    @Test
    void theUnsubscribeLinkAsksOnGetAndUnsubscribesOnPostAlsoByOneClick() throws Exception {
        String owner = newOwner();
        String flow = "mail-" + UUID.randomUUID();
        diagnose(flow, owner, "en", 404, "2026-11-27T10:00:00Z");
        MimeMessage message = awaitMessages(owner, 1).get(0);
        Matcher link = UNSUBSCRIBE.matcher(part(message, "text/plain"));
        assertTrue(link.find());
        String token = link.group(1);
        assertEquals("<" + link.group() + ">", message.getHeader("List-Unsubscribe")[0]);
        assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post")[0]);

        given().queryParam("token", token.substring(0, token.length() - 2) + "AA").when().post("/api/v1/unsubscribe")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("token"));
        given().queryParam("token", token).when().get("/api/v1/unsubscribe").then().statusCode(200);
        given().when().get("/api/v1/flows/" + flow + "/settings").then().body("repairTipsEmail", equalTo(true));

        given().queryParam("token", token).contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .when().post("/api/v1/unsubscribe").then().statusCode(200);
        given().when().get("/api/v1/flows/" + flow + "/settings").then().body("repairTipsEmail", equalTo(false));
    }

    private static String diagnose(String flow, String owner, String locale, int statusCode, String failedAt) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"flowId": "%s", "flowName": "Verlofaanvraag", "environmentId": "Default-1", "runId": "run-1",
                         "failedAt": "%s", "locale": "%s", "owner": {"email": "%s", "displayName": "Owner"},
                         "actions": [{"name": "Get manager (V2)", "connector": "office365users", "operation": "Manager_V2",
                                      "statusCode": %d}]}
                        """.formatted(flow, failedAt, locale, owner, statusCode))
                .when().post("/api/v1/diagnoses")
                .then().statusCode(200).extract().path("diagnosisId");
    }

    private static String newOwner() {
        return "owner-" + UUID.randomUUID() + "@example.com";
    }

    private static List<MimeMessage> awaitMessages(String owner, int count) {
        // Generous: on a busy machine the sender runs late, and a wait that passes costs nothing.
        await().atMost(Duration.ofSeconds(60)).until(() -> messagesTo(owner).size() >= count);
        return messagesTo(owner);
    }

    /** The body of the first part of the given type, however deeply the multipart nests it. */
    private static String part(MimeMessage message, String type) throws Exception {
        return find(message.getContent(), type);
    }

    private static String find(Object content, String type) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return part.getContent().toString();
                }
                String nested = find(part.getContent(), type);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n").strip();
    }
}
