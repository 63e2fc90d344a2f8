package io.flowdoctor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Every instant the service makes, stores or returns, at one precision: microseconds, what a PostgreSQL
 * timestamp keeps (and H2's by default). An instant with nanoseconds would be answered as it is but stored
 * cut short, and the answer, the audit and a filter on it would then disagree.
 */
public final class Instants {

    private Instants() {
    }

    /** Now, to the microsecond. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The instant to the microsecond; null stays null. */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
