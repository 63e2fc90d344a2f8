package io.flowdoctor.knowledge;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A connector the knowledge base knows: its id as rules use it, its display name, other names it is sent under, and
 * whether the API behind it is the maker's own or one the maker chose (absent: false).
 */
public record Connector(@JsonProperty(required = true) String id, @JsonProperty(required = true) String displayName,
        List<String> aliases,
        String reference,
        Boolean makersApi) {

    public Connector {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        makersApi = Boolean.TRUE.equals(makersApi);
    }
}
