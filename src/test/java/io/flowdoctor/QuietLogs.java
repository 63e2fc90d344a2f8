package io.flowdoctor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Silences the named log categories while a test provokes the fault they report (a database that fails on
 * purpose), and gives them back their levels afterwards, so that the build log shows only the faults nobody
 * provoked. Use with try-with-resources around the provoking call alone.
 */
public final class QuietLogs implements AutoCloseable {

    private final Map<Logger, Level> previous = new LinkedHashMap<>();

    private QuietLogs(String... categories) {
        for (String category : categories) {
            Logger logger = Logger.getLogger(category);
            previous.put(logger, logger.getLevel());
            logger.setLevel(Level.OFF);
        }
    }

    public static QuietLogs of(String... categories) {
        return new QuietLogs(categories);
    }

    @Override
    public void close() {
        previous.forEach(Logger::setLevel);
    }
}
