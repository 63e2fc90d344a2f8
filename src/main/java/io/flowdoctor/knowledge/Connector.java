package io.flowdoctor.knowledge;

import java.util.List;

/** A connector the knowledge base knows: its id as rules use it, its display name, other names it is sent under. */
public record Connector(String id, String displayName, List<String> aliases, String reference) {

    public Connector {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
