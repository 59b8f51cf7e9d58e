package org.partnershippulse.system.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.PulseEnvironment;
import org.partnershippulse.systemkit.PulseService;

/**
 * Issue 13: a browser on another origin can use the API, shown with a real one. Headless Chromium (one launch per
 * check) against the running system and the real Keycloak:
 * <ul>
 *   <li>a single-page app served from an allowed origin (in the services' CORS_ORIGINS) signs in as a person does
 *   (authorization code + PKCE, Keycloak's login form), reads a partnership, updates it with the ETag it read
 *   (If-Match) and gets 200; the same page from a disallowed origin signs in too, but the browser blocks its call
 *   to the API and nothing changes;</li>
 *   <li>Swagger UI of partnership-service signs in with the realm's public client (PKCE, the login form in its
 *   pop-up) and "Try it out" on an operation answers 200 with the token.</li>
 * </ul>
 */
@ExtendWith(RunningSystem.class)
class BrowserIT {

    private static final String USER = "admin";
    private static HeadlessChromium browser;

    @BeforeAll
    static void browser() {
        browser = HeadlessChromium.prepare(RunningSystem.env().repoRoot());
    }

    @Test
    void aSinglePageAppOnAnAllowedOriginSignsInReadsAndUpdatesWithTheETagAndAnotherOriginIsBlocked() {
        PulseEnvironment env = RunningSystem.env();
        String id = RunningSystem.as(USER, PulseService.PARTNERSHIP).contentType(ContentType.JSON)
                .body(Map.of("name", "Browser check " + UUID.randomUUID(), "geographyType", "COUNTY",
                        "geographyName", "Ventura County", "structure", "STEERING_COMMITTEE", "status", "ACTIVE",
                        "sharedValues", List.of("Families first")))
                .post("/partnerships").then().statusCode(201).extract().path("id");
        String before = current(id).header("ETag");
        String allowed = env.appOrigin();
        String disallowed = "http://127.0.0.1:" + env.appPort();
        Map<String, String> newNames = new LinkedHashMap<>();
        newNames.put(allowed, "Renamed in a browser at " + allowed);
        newNames.put(disallowed, "Renamed in a browser at " + disallowed);

        JsonNode result = browser.run("spa", Map.of("appPort", env.appPort(), "issuer", env.issuer(),
                "clientId", "pulse-frontend", "api", env.baseUri(PulseService.PARTNERSHIP), "partnershipId", id,
                "username", USER, "password", USER, "newNames", newNames));

        JsonNode ok = result.path(allowed);
        assertTrue(ok.path("loginPage").asText().startsWith(env.issuer() + "/"), "signed in on Keycloak's form: " + ok);
        assertEquals(200, ok.path("tokenStatus").asInt(), "code + PKCE verifier exchanged for a token: " + ok);
        assertFalse(ok.has("error"), "no request failed: " + ok);
        assertEquals(200, ok.path("getStatus").asInt(), "GET: " + ok);
        assertEquals(before, ok.path("etag").asText(null), "the page read the ETag (CORS exposes it): " + ok);
        assertEquals(200, ok.path("putStatus").asInt(), "PUT with If-Match = that ETag: " + ok);
        assertEquals(newNames.get(allowed), ok.path("name").asText());
        ExtractableResponse<Response> afterAllowed = current(id);
        assertEquals(newNames.get(allowed), afterAllowed.path("name"), "the update is stored");
        assertEquals(ok.path("newEtag").asText(), afterAllowed.header("ETag"), "the page read the new ETag too");

        JsonNode blocked = result.path(disallowed);
        assertEquals(200, blocked.path("tokenStatus").asInt(), "the development realm signs in any local origin: " + blocked);
        assertTrue(blocked.path("error").asText().startsWith("TypeError"), "the browser rejected the API call: " + blocked);
        assertEquals("GET", blocked.path("step").asText(), "already the read was blocked: " + blocked);
        assertFalse(blocked.has("getStatus"), "the page saw no response: " + blocked);
        assertTrue(blocked.path("consoleErrors").toString().contains("blocked by CORS policy"),
                "Chromium names CORS as the reason: " + blocked.path("consoleErrors"));
        ExtractableResponse<Response> afterBlocked = current(id);
        assertEquals(newNames.get(allowed), afterBlocked.path("name"), "nothing changed from the other origin");
        assertEquals(afterAllowed.header("ETag"), afterBlocked.header("ETag"));
        System.out.printf("[BrowserIT] single-page app: allowed origin %d ms, disallowed origin %d ms, whole check %d ms%n",
                ok.path("millis").asLong(), blocked.path("millis").asLong(), result.path("totalMillis").asLong());
    }

    @Test
    void swaggerUiSignsInWithTheRealmsPublicClientAndTriesAnOperationWithTheToken() {
        PulseEnvironment env = RunningSystem.env();
        String base = env.baseUri(PulseService.PARTNERSHIP);
        JsonNode result = browser.run("swagger", Map.of("swaggerUrl", base + "/q/swagger-ui/", "operationPath", "/partnerships",
                "username", USER, "password", USER));

        JsonNode authorize = result.path("authorizeRequest");
        assertEquals("pulse-frontend", authorize.path("client_id").asText(), "Authorize uses the realm's public client: " + result);
        assertEquals("code", authorize.path("response_type").asText(), "authorization code: " + result);
        assertEquals("S256", authorize.path("code_challenge_method").asText(), "with PKCE: " + result);
        assertEquals(base + "/q/swagger-ui/oauth2-redirect.html", authorize.path("redirect_uri").asText(), "back to Swagger UI: " + result);
        assertTrue(result.path("loginPage").asText().startsWith(env.issuer() + "/"), "signed in on Keycloak's form: " + result);
        assertTrue(result.path("authorized").asBoolean(), "Swagger UI holds a token: " + result);
        assertTrue(result.path("sentBearerToken").asBoolean(), "Try it out sent the token: " + result);
        assertEquals(200, result.path("status").asInt(), "GET /partnerships from Swagger UI: " + result);
        System.out.printf("[BrowserIT] Swagger UI sign-in and Try it out: %d ms%n", result.path("totalMillis").asLong());
    }

    private static ExtractableResponse<Response> current(String id) {
        return RunningSystem.as(USER, PulseService.PARTNERSHIP).get("/partnerships/{id}", id).then().statusCode(200).extract();
    }
}
