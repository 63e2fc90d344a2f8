package io.flowdoctor.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.flowdoctor.TestApiKey;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The console in a real browser (headless Chromium): sign in, filter the audit, read a diagnosis with its fired rules
 * and matched facts, work a case, see a rejected reload, and see hostile text from a failed run as text. Each page is
 * saved as a screenshot under target/screenshots.
 */
@QuarkusTest
@TestProfile(ConsoleBrowserProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final String HOSTILE = "<script>alert('owned')</script> Unauthorized: the token has expired";

    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void anyoneIsSentToTheSignInFormAndSignsInWithARoleAndItsKey() throws Exception {
        browser = Browser.open(root.toString());
        browser.go("/console/diagnoses");
        browser.waitFor(driver -> browser.path().startsWith("/console/login"));
        browser.screenshot("sign-in");
        browser.find("#j_username").sendKeys("support");
        browser.find("#j_password").sendKeys("not-the-key");
        browser.find("#sign-in").click();
        assertTrue(browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error"))).getText()
                .contains("Wrong user name or password"));
        signIn("support", TestApiKey.SUPPORT);
        // Back where the person wanted to go.
        assertEquals("/console/diagnoses", browser.path());
        assertTrue(browser.find(".user").getText().contains("support"));
    }

    @Test
    @Order(2)
    void theOverviewShowsFailuresByCategoryAndTheRuleBase() throws Exception {
        open();
        String flow = "overview-" + UUID.randomUUID();
        // A day of failures of several kinds, some hours apart.
        Instant now = Instant.now();
        for (int hoursAgo = 20; hoursAgo >= 0; hoursAgo -= 3) {
            diagnose(flow, "Overview flow", "HTTP", null, 500, null, "Internal server error",
                    now.minus(Duration.ofHours(hoursAgo)));
            if (hoursAgo % 2 == 0) {
                diagnose(flow, "Overview flow", "Get manager (V2)", "shared_office365users", 404, "ResourceNotFound",
                        "No manager found for the specified user.", now.minus(Duration.ofHours(hoursAgo)));
            }
        }
        browser.go("/console");
        assertTrue(browser.driver().findElements(By.cssSelector("svg.chart rect.bar")).size() >= 7, "bars drawn");
        assertTrue(browser.find("#failures").getText().contains("TRANSIENT"));
        assertTrue(browser.find("#top-connectors").getText().contains("office365users"));
        assertTrue(browser.find("#rule-base").getText().contains("No reload was rejected"));
        // A flow's page: its diagnoses, its incident and its e-mail setting.
        browser.go("/console/flows/" + flow);
        assertTrue(browser.find("#incident-state").getText().contains("failures since"));
        assertTrue(browser.find("#email-setting").getText().startsWith("On"));
        assertTrue(browser.find("#audit").getText().contains("Overview flow"));
        browser.screenshot("flow");
    }

    @Test
    @Order(3)
    void theAuditIsFilteredInPlace() throws Exception {
        open();
        String flow = "filter-" + UUID.randomUUID();
        diagnose(flow, "Filtered flow", "Send an email", "shared_office365", 401, null, HOSTILE);
        diagnose(flow, "Filtered flow", "HTTP", null, 503, null, "Service unavailable");
        browser.go("/console/diagnoses");
        WebElement table = browser.find("#audit");
        browser.find("input[name=flowId]").sendKeys(flow);
        new Select(browser.find("select[name=category]")).selectByValue("AUTHENTICATION");
        browser.find("#apply-filters").click();
        // htmx swaps the table: the old one goes stale, the new one holds the one matching diagnosis.
        browser.waitFor(ExpectedConditions.stalenessOf(table));
        WebElement filtered = browser.find("#audit");
        assertTrue(filtered.getText().contains("1 diagnoses"), filtered.getText());
        List<WebElement> categories = filtered.findElements(By.cssSelector("tbody .tag"));
        assertEquals(List.of("AUTHENTICATION"), categories.stream().map(WebElement::getText).toList());
        assertTrue(browser.path().contains("category=AUTHENTICATION"), "the filter is in the address: " + browser.path());
        browser.screenshot("diagnoses");
    }

    @Test
    @Order(4)
    void aDiagnosisShowsItsFiredRulesMatchedFactsAndHostileTextAsText() throws Exception {
        open();
        String flow = "hostile-" + UUID.randomUUID();
        String id = diagnose(flow, "Invoices <b>bold</b>", "Send an email", "shared_office365", 401, null, HOSTILE);
        browser.go("/console/diagnoses/" + id);
        assertEquals("Send an email", browser.find("#failing-step").getText());
        String rules = browser.find("#fired-rules").getText();
        assertTrue(rules.contains("rules/"), rules);
        assertTrue(rules.contains("Matched facts"), rules);
        assertTrue(rules.contains("FailedAction"), rules);
        assertTrue(browser.find("#explained-now").getText().contains("serving rules"));
        // The failed run's message is shown as the text it is, and nothing of it runs.
        assertTrue(browser.find("#run").getText().contains("<script>alert('owned')</script>"));
        assertTrue(browser.find("h1").getText().contains(id));
        assertTrue(browser.driver().getPageSource().contains("&lt;script&gt;"));
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
        assertTrue(browser.find("#email").getText().contains("Subject:"));
        browser.screenshot("diagnosis");
        browser.width(420);
        browser.screenshot("diagnosis-narrow");
        browser.width(1280);
    }

    @Test
    @Order(5)
    void supportAcknowledgesAndResolvesACaseWithNotes() throws Exception {
        open();
        String id = diagnose("case-" + UUID.randomUUID(), "Expenses", "Create item", "shared_sharepointonline", 403,
                "DlpViolation", "The flow is blocked by a data loss prevention policy.");
        browser.go("/console/diagnoses/" + id);
        browser.find("#related-case a").click();
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("case-status")));
        assertEquals("OPEN", browser.find("#case-status").getText());
        browser.find("#note").sendKeys("Asked the tenant admin about the DLP policy.");
        browser.find("#acknowledge").click();
        browser.waitFor(ExpectedConditions.textToBe(By.id("case-status"), "ACKNOWLEDGED"));
        assertTrue(browser.find("#case").getText().contains("Asked the tenant admin about the DLP policy."));
        browser.find("#note").sendKeys("The policy now allows SharePoint with Outlook.");
        browser.find("#resolve").click();
        browser.waitFor(ExpectedConditions.textToBe(By.id("case-status"), "RESOLVED"));
        assertTrue(browser.find("#case").getText().contains("The policy now allows SharePoint with Outlook."));
        browser.screenshot("case");
        browser.go("/console/cases?status=RESOLVED");
        assertTrue(browser.find("#cases").getText().contains("RESOLVED"));
        browser.screenshot("cases");
    }

    @Test
    @Order(6)
    void aMoveTheApiWouldRefuseIsShownAsAMessage() throws Exception {
        open();
        String id = diagnose("conflict-" + UUID.randomUUID(), "Payroll", "Create item", "shared_sharepointonline", 403,
                "DlpViolation", "Blocked by a data loss prevention policy.");
        browser.go("/console/diagnoses/" + id);
        browser.find("#related-case a").click();
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("acknowledge")));
        String caseId = browser.path().substring("/console/cases/".length());
        // Someone else resolves the case meanwhile.
        given().header(TestApiKey.HEADER, TestApiKey.SUPPORT).contentType(ContentType.JSON)
                .body("{\"status\": \"RESOLVED\"}").when().patch("/api/v1/escalations/" + caseId)
                .then().statusCode(200);
        browser.find("#acknowledge").click();
        WebElement message = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("case-message")));
        assertTrue(message.getText().contains("RESOLVED cannot become ACKNOWLEDGED"), message.getText());
        assertEquals("RESOLVED", browser.find("#case-status").getText());
        browser.screenshot("case-refused");
        // The overview once there are failures of several kinds and cases.
        browser.go("/console");
        browser.screenshot("overview");
    }

    @Test
    @Order(7)
    void aRejectedReloadShowsItsErrorsByFileAndLine() throws Exception {
        open();
        Path throttling = ConsoleBrowserProfile.RULES.resolve("platform/throttling.drl");
        String original = Files.readString(throttling);
        try {
            Files.writeString(throttling, original + "\nrule \"Broken on purpose\"\nwhen\n    FailedAction(\nthen\nend\n");
            given().header(TestApiKey.HEADER, TestApiKey.ANALYST).when().post("/api/v1/rules/reload")
                    .then().statusCode(422);
            browser.go("/console");
            assertTrue(browser.find("#reload-rejected").getText().contains("was rejected"));
            browser.go("/console/rules");
            String rejection = browser.find("#rejection").getText();
            assertTrue(rejection.contains("rules/platform/throttling.drl"), rejection);
            assertFalse(browser.driver().findElements(By.cssSelector("#rejection tr.problem")).isEmpty());
            browser.screenshot("rules");
        } finally {
            Files.writeString(throttling, original);
            given().header(TestApiKey.HEADER, TestApiKey.ANALYST).when().post("/api/v1/rules/reload");
        }
    }

    @Test
    @Order(8)
    void theConsoleSpeaksDutchAndSignsOut() throws Exception {
        open();
        browser.go("/console/cases?lang=nl");
        assertTrue(browser.find("h1").getText().contains("Escalaties"));
        browser.go("/console/diagnoses");
        assertTrue(browser.find("h1").getText().contains("Diagnoses"));
        assertTrue(browser.find("#sign-out").getText().contains("Afmelden"), "the choice stays in a cookie");
        browser.go("/console?lang=en");
        browser.find("#sign-out").click();
        browser.waitFor(driver -> browser.path().startsWith("/console/login"));
        browser.go("/console/cases");
        browser.waitFor(driver -> browser.path().startsWith("/console/login"));
    }

    /** Makes sure the browser is open and signed in as support (when an earlier test did not get that far). */
    private void open() throws Exception {
        if (browser == null) {
            browser = Browser.open(root.toString());
        }
        browser.go("/console");
        if (browser.path().startsWith("/console/login")) {
            signIn("support", TestApiKey.SUPPORT);
        }
    }

    private static void signIn(String user, String key) {
        browser.find("#j_username").clear();
        browser.find("#j_username").sendKeys(user);
        browser.find("#j_password").sendKeys(key);
        browser.find("#sign-in").click();
        browser.waitFor(driver -> !browser.path().startsWith("/console/login"));
    }

    private static String diagnose(String flow, String flowName, String step, String connector, int status,
            String errorCode, String message) {
        return diagnose(flow, flowName, step, connector, status, errorCode, message, Instant.now());
    }

    private static String diagnose(String flow, String flowName, String step, String connector, int status,
            String errorCode, String message, Instant failedAt) {
        String body = "{\"flowId\": " + quote(flow) + ", \"flowName\": " + quote(flowName) + ", \"runId\": \"run-1\","
                + " \"failedAt\": \"" + failedAt + "\","
                + " \"actions\": [{\"name\": " + quote(step) + ", \"connector\": " + quote(connector)
                + ", \"statusCode\": " + status + ", \"errorCode\": " + quote(errorCode) + ", \"message\": "
                + quote(message) + "}]}";
        return given().header(TestApiKey.HEADER, TestApiKey.SERVICE).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/diagnoses").then().statusCode(200).extract().path("diagnosisId");
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
