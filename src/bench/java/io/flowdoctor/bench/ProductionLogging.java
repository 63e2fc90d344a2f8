package io.flowdoctor.bench;

import java.util.logging.Level;

/**
 * The service's log levels for Drools (application.properties: org.drools at WARN). Without them the
 * benchmark JVM logs at every level, and Drools' trace messages, formatted for every insert and fired
 * rule, would be measured instead of the rules.
 */
final class ProductionLogging {

    private ProductionLogging() {
    }

    static void apply() {
        org.jboss.logmanager.Logger.getLogger("org.drools").setLevel(Level.WARNING);
    }
}
