package io.flowdoctor.runs;

/**
 * Reads a service's own error out of a connector action's response body: {"error": {"code", "message"}} (Microsoft
 * Graph, Azure Resource Manager, Dataverse), {"odata.error": {"code", "message": {"value"}}} (SharePoint), {"status",
 * "message"} (Power Platform connectors' gateway), {"error", "error_description"} (OAuth token endpoints), a plain
 * string, or any other object, whose JSON text is then the message.
 */
final class ServiceErrors {

    /** What the body says, each value with where it stood; any of them may be null. */
    record ServiceError(At code, At message, At status) {
    }

    private ServiceErrors() {
    }

    static ServiceError of(At body) {
        if (body.absent()) {
            return new ServiceError(null, null, null);
        }
        if (!body.isObject()) {
            return new ServiceError(null, body, null); // text, or an array written out as its JSON text
        }
        At error = body.get("error");
        if (error.isObject()) {
            At message = error.get("message");
            if (message.isObject()) { // {"message": {"lang", "value"}}
                message = message.get("value");
            }
            return new ServiceError(error.get("code"), firstPresent(message, body.get("message")), body.get("status"));
        }
        if (error.isText()) { // OAuth: {"error": "invalid_client", "error_description": "AADSTS7000215: ..."}
            return new ServiceError(error, firstPresent(body.get("error_description"), body.get("message")), null);
        }
        At odata = body.get("odata.error");
        if (odata.isObject()) {
            At message = odata.get("message");
            return new ServiceError(odata.get("code"), message.isObject() ? message.get("value") : message, null);
        }
        At message = firstPresent(body.get("message"), body.get("Message"));
        if (message != null && !message.isObject() && !message.isArray()) {
            return new ServiceError(firstPresent(body.get("code"), body.get("errorCode"), body.get("ErrorCode")), message,
                    body.get("status").node() != null && body.get("status").node().isNumber() ? body.get("status") : null);
        }
        return new ServiceError(null, body.size() == 0 ? null : body, null);
    }

    /** The message's text: a string as it is, an object or array as its JSON text. */
    static String text(At at) {
        if (at == null || at.absent()) {
            return null;
        }
        if (at.isObject() || at.isArray()) {
            return at.node().toString();
        }
        return at.text();
    }

    private static At firstPresent(At... candidates) {
        for (At candidate : candidates) {
            if (candidate != null && !candidate.absent()) {
                return candidate;
            }
        }
        return null;
    }
}
