package io.flowdoctor.notify;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Sends repair-tips e-mails over SMTP to GreenMail, folding repeats for a few seconds only. */
public class SmtpProfile implements QuarkusTestProfile {

    static final int REPEAT_SECONDS = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "flowdoctor.email.repeat-interval", REPEAT_SECONDS + "s",
                "flowdoctor.email.send-every", "1s",
                "flowdoctor.email.public-url", "http://flowdoctor.test");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class));
    }
}
