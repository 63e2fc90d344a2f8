package io.flowdoctor.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** How the console's templates show times and put values into links. */
@TemplateExtension
final class TemplateFormats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TemplateFormats() {
    }

    /** 2026-11-27 10:15 UTC: one zone for everyone who reads the same case. */
    static String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** How long ago: 5 min, 3 h, 2 d. */
    static String age(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration age = Duration.between(instant, Instant.now());
        if (age.toHours() < 1) {
            return Math.max(0, age.toMinutes()) + " min";
        }
        return age.toDays() < 1 ? age.toHours() + " h" : age.toDays() + " d";
    }

    /** A value as one part of a link (path segment or query value); Qute escapes the link as HTML afterwards. */
    static String urlPart(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
