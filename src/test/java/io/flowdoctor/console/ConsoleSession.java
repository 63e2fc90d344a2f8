package io.flowdoctor.console;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flowdoctor.TestApiKey;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A browser's session with the console, for HTTP-level tests: its cookies and the CSRF token its pages carry. */
final class ConsoleSession {

    private static final Pattern TOKEN = Pattern.compile("X-CSRF-Token&quot;:&quot;([^&]+)&quot;");

    private final String session;
    private String nonce;
    private String token;

    private ConsoleSession(String session) {
        this.session = session;
    }

    /** Signs in through the form as a person would; fails when the service refuses. */
    static ConsoleSession signIn(String user, String password) {
        Response answer = given().header(TestApiKey.HEADER, "").redirects().follow(false)
                .formParam("j_username", user).formParam("j_password", password)
                .when().post("/console/j_security_check");
        String cookie = answer.getCookie("flowdoctor-console");
        if (answer.statusCode() != 302 || cookie == null) {
            throw new IllegalStateException("Sign-in refused: " + answer.statusCode());
        }
        return new ConsoleSession(cookie);
    }

    /** A request in this session, as the browser sends it (no API key). */
    RequestSpecification request() {
        RequestSpecification request = given().header(TestApiKey.HEADER, "").redirects().follow(false)
                .cookie("flowdoctor-console", session);
        return nonce == null ? request : request.cookie(CsrfTokens.COOKIE, nonce);
    }

    /** Opens a page and keeps the CSRF nonce and token it hands out. */
    Response open(String path) {
        Response page = request().when().get(path);
        String cookie = page.getCookie(CsrfTokens.COOKIE);
        if (cookie != null) {
            nonce = cookie;
        }
        Matcher matcher = TOKEN.matcher(page.asString());
        if (matcher.find()) {
            token = matcher.group(1);
        }
        return page;
    }

    /** A state-changing request with the page's CSRF token, as htmx sends it. */
    RequestSpecification withToken() {
        return request().header(CsrfTokens.HEADER, token).header("HX-Request", "true");
    }
}
