package io.flowdoctor.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.flowdoctor.ProjectRuleBase;
import io.flowdoctor.knowledge.KnowledgeBase;
import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;

/**
 * The repair-tips e-mail as its reader sees it: greeted by name, a header with the flow and the failed step, buttons
 * that are table cells (so Outlook and web mail draw them), the resubmit button only where the advice allows it, plurals
 * in both languages, times in the owner's time zone or said to be UTC, who acts in each step and how to verify. The
 * HTML part is rendered in headless Chromium (Debian's chromium and chromium-driver; skipped without them) and kept as
 * docs/email-repair-tips.png.
 */
class RepairTipsEmailRenderingTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("docs", "email-repair-tips.png");

    private static final Engine ENGINE = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
            .strictRendering(true).build();

    @TempDir
    Path workspace;

    private final KnowledgeBase knowledge = ProjectRuleBase.get().knowledge();

    private static FailureNotice notice(String locale, String ownerName, int failures, String resubmitUrl, String timeZone) {
        FailureNotice.Tip tip = new FailureNotice.Tip("Give the user a manager in Microsoft Entra ID",
                List.of("Ask an administrator to set the person's manager.", "Resubmit the failed run."),
                List.of(new FailureNotice.Step("Ask an administrator to set the person's manager.", "tenant-admin"),
                        new FailureNotice.Step("Resubmit the failed run.", "maker")),
                "The resubmitted run shows Succeeded in the run history.", null);
        return new FailureNotice(UUID.randomUUID(), "7f1c", "Leave request", "Default-1", "megan@contoso.com", locale,
                "Give the user a manager in Microsoft Entra ID",
                "The step 'Get manager (V2)' failed. No manager is set for that person.", List.of(tip), null, failures,
                Instant.parse("2026-11-27T10:15:00Z"), resubmitUrl, null, ownerName, "Get manager (V2)", timeZone);
    }

    private RenderedEmail render(FailureNotice notice) {
        return RepairTipsRenderer.render(ENGINE, knowledge, notice,
                "https://make.powerautomate.com/environments/Default-1/flows/7f1c",
                "https://flowdoctor.example/api/v1/unsubscribe?token=t");
    }

    @Test
    void thePlainTextPartSaysWhatTheHtmlPartSays() {
        RenderedEmail email = render(notice("en", "Megan Bowen", 3, "https://flow.example/resubmit", "Europe/Amsterdam"));

        String text = email.text();
        assertTrue(text.startsWith("Hello Megan Bowen,\n"), text);
        assertTrue(text.contains("Leave request\nFailed step: Get manager (V2)"), text);
        assertTrue(text.contains("This flow has failed 3 times since 2026-11-27 11:15 (Europe/Amsterdam)."), text);
        assertTrue(text.contains("1. Ask an administrator to set the person's manager.\n   Who: A tenant administrator"), text);
        assertTrue(text.contains("Check that it worked: The resubmitted run shows Succeeded in the run history."), text);
        assertTrue(text.contains("Fix my flow: https://make.powerautomate.com/environments/Default-1/flows/7f1c"), text);
        assertTrue(text.contains("Resubmit: https://flow.example/resubmit"), text);
        for (String shared : List.of("Hello Megan Bowen,", "Get manager (V2)", "A tenant administrator", "Check that it worked",
                "failed 3 times")) {
            assertTrue(email.html().contains(shared), shared);
        }
    }

    @Test
    void oneFailureIsOnceInUtcSaidSoAndTheGreetingNeedsNoName() {
        String english = render(notice("en", null, 1, null, null)).text();
        String dutch = render(notice("nl", " ", 1, null, null)).text();
        String dutchMany = render(notice("nl", "Megan", 4, null, "Europe/Amsterdam")).text();

        assertTrue(english.startsWith("Hello,\n"), english);
        assertTrue(english.contains("This flow has failed once since 2026-11-27 10:15 UTC."), english);
        assertFalse(english.contains("time(s)"), english);
        assertTrue(dutch.startsWith("Beste eigenaar van de stroom,\n"), dutch);
        assertTrue(dutch.contains("is sinds 2026-11-27 10:15 UTC 1 keer mislukt."), dutch);
        assertTrue(dutch.contains("Wie: Een tenantbeheerder"), dutch);
        assertTrue(dutchMany.startsWith("Beste Megan,\n"), dutchMany);
        assertTrue(dutchMany.contains("is sinds 2026-11-27 11:15 (Europe/Amsterdam) 4 keer mislukt."), dutchMany);
    }

    @Test
    void theHtmlPartShowsItsButtonsInABrowserAndTheResubmitButtonOnlyWhereTheAdviceAllowsIt() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "The e-mail's browser test needs Chromium and ChromeDriver at " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (Debian: apt-get install chromium chromium-driver); skipped");
        Path allowed = workspace.resolve("allowed.html");
        Files.writeString(allowed, render(notice("en", "Megan Bowen", 3, "https://flow.example/resubmit", "Europe/Amsterdam"))
                .html());
        // The advice was NOT_ADVISED, or the first tip asks for a check first: the diagnosis gives no resubmit link.
        Path withheld = workspace.resolve("withheld.html");
        Files.writeString(withheld, render(notice("nl", "Megan Bowen", 1, null, null)).html());

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createDirectory(workspace.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--window-size=720,860", "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(allowed.toUri().toString());
            String page = driver.findElement(By.tagName("body")).getText();
            assertTrue(page.contains("Hello Megan Bowen,"), page);
            assertTrue(page.contains("Leave request") && page.contains("Failed step: Get manager (V2)"), page);
            assertTrue(page.contains("Who: A tenant administrator"), page);
            assertTrue(page.contains("This flow has failed 3 times since 2026-11-27 11:15 (Europe/Amsterdam)."), page);
            assertTrue(driver.findElement(By.linkText("Fix my flow")).isDisplayed());
            assertTrue(driver.findElement(By.linkText("Resubmit")).isDisplayed());
            Files.createDirectories(SCREENSHOT.getParent());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);

            driver.get(withheld.toUri().toString());
            String dutch = driver.findElement(By.tagName("body")).getText();
            assertTrue(dutch.contains("Beste Megan Bowen,"), dutch);
            assertTrue(driver.findElement(By.linkText("Mijn stroom corrigeren")).isDisplayed());
            assertEquals(List.of(), driver.findElements(By.linkText("Opnieuw verzenden")));
        } finally {
            driver.quit();
            service.stop();
        }
    }
}
