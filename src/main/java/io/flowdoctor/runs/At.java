package io.flowdoctor.runs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A value of the body with its JSON pointer, read with the pointer named in every complaint. */
record At(JsonNode node, String pointer) {

    static At root(JsonNode body) {
        return new At(body, "");
    }

    At get(String name) {
        JsonNode child = node.isObject() ? node.get(name) : null;
        return new At(child == null ? MissingNode.getInstance() : child,
                pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
    }

    At at(int index) {
        return new At(node.get(index), pointer + "/" + index);
    }

    boolean absent() {
        return node == null || node.isMissingNode() || node.isNull();
    }

    boolean isObject() {
        return node != null && node.isObject();
    }

    boolean isArray() {
        return node != null && node.isArray();
    }

    boolean isText() {
        return node != null && node.isTextual();
    }

    int size() {
        return node.size();
    }

    /** The text of a string (or of a number or true/false), null when absent; a complaint for an object or array. */
    String text() {
        if (absent()) {
            return null;
        }
        if (node.isValueNode()) {
            String text = node.asText();
            return text.isBlank() ? null : text;
        }
        throw new InvalidRunPayload(pointer, "must be a string");
    }

    /** An object, or absent; a complaint for anything else. */
    At object() {
        if (!absent() && !node.isObject()) {
            throw new InvalidRunPayload(pointer, "must be a JSON object");
        }
        return this;
    }

    /** An HTTP status: a whole number or a string of digits, null when absent; a complaint for another value. */
    Integer status() {
        if (absent()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.asInt();
        }
        if (node.isTextual() && node.asText().strip().matches("\\d{3}")) {
            return Integer.valueOf(node.asText().strip());
        }
        throw new InvalidRunPayload(pointer, "must be an HTTP status code such as 404, not " + node);
    }

    /** An ISO-8601 instant, null when absent. */
    Instant instant() {
        String text = text();
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRunPayload(pointer, "must be an ISO-8601 instant such as 2026-11-27T10:15:00Z, not '"
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
        }
    }
}
