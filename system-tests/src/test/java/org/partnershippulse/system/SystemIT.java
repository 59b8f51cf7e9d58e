package org.partnershippulse.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.PulseService;
import static org.partnershippulse.system.support.RunningSystem.service;

/**
 * End-to-end: the three packaged services run as child processes against the real PostgreSQL, Kafka broker
 * and Keycloak (realm keycloak/partnership-pulse-realm.json), with tokens from Keycloak's password grant.
 *
 * <p>Run by {@code scripts/test.sh} ({@code ./mvnw -B verify -Psystem-tests}), which starts the
 * infrastructure first; {@link RunningSystem} starts the services (ports, databases and infrastructure from the
 * PULSE_* variables of scripts/lib.sh). Service logs: {@code system-tests/target/service-logs/<service>.log}.
 */
@ExtendWith(RunningSystem.class)
class SystemIT {

    static final String ADMIN_ID = "a0000000-0000-4000-8000-000000000001";
    static final String OKAFOR_ID = "a0000000-0000-4000-8000-000000000004";
    static final String PROBLEM_JSON = "application/problem+json";

    // --------------------------------------------------------------------------------------------- tests

    @Test
    void keycloakIssuesTheTokensTheServicesExpect() {
        String issuer = given().get(issuer() + "/.well-known/openid-configuration").then().statusCode(200)
                .extract().path("issuer");
        JsonPath admin = claims(token("admin"));
        assertEquals(ADMIN_ID, admin.getString("sub"));
        assertEquals(issuer, admin.getString("iss"));
        assertEquals("admin", admin.getString("preferred_username"));
        assertEquals("admin@example.org", admin.getString("email"));
        assertEquals("Avery Admin", admin.getString("name"));
        assertTrue(audience(admin).contains("pulse-api"), "aud must contain pulse-api: " + audience(admin));
        assertTrue(admin.getList("realm_access.roles").contains("platform-admin"));

        JsonPath okafor = claims(token("okafor"));
        assertEquals(OKAFOR_ID, okafor.getString("sub"));
        assertTrue(audience(okafor).contains("pulse-api"));
        assertFalse(okafor.getList("realm_access.roles").contains("platform-admin"));
    }

    @ParameterizedTest(name = "health, metrics and OpenAPI on {0}")
    @EnumSource(PulseService.class)
    void managementEndpointsAnswerWithoutToken(PulseService s) {
        for (String path : List.of("/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics", "/q/openapi")) {
            service(s).accept("*/*").get(path).then().statusCode(200);
        }
    }

    @ParameterizedTest(name = "GET /me on {0}")
    @EnumSource(PulseService.class)
    void meReturnsTheCaller(PulseService s) {
        service(s).auth().oauth2(token("admin"))
                .get("/me")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("subject", equalTo(ADMIN_ID));
        service(s).auth().oauth2(token("okafor"))
                .get("/me")
                .then().statusCode(200)
                .body("subject", equalTo(OKAFOR_ID));
    }

    @ParameterizedTest(name = "GET /me without a token on {0}")
    @EnumSource(PulseService.class)
    void meWithoutTokenIs401Problem(PulseService s) {
        service(s)
                .get("/me")
                .then().statusCode(401)
                .header("Content-Type", startsWith(PROBLEM_JSON));
    }

    @ParameterizedTest(name = "GET /me with a tampered signature on {0}")
    @EnumSource(PulseService.class)
    void tamperedTokenIs401(PulseService s) {
        String tampered = tamperLastChar(token("admin"));
        assertNotEquals(token("admin"), tampered);
        service(s).auth().oauth2(tampered)
                .get("/me")
                .then().statusCode(401);
    }

    @Test
    void diagnosticPingTravelsFromAssessmentToReportingThroughKafka() {
        service(PulseService.ASSESSMENT).auth().oauth2(token("okafor"))
                .contentType(ContentType.JSON).body("{}")
                .post("/diagnostics/ping")
                .then().statusCode(403)
                .header("Content-Type", startsWith(PROBLEM_JSON));

        String id = service(PulseService.ASSESSMENT).auth().oauth2(token("admin"))
                .contentType(ContentType.JSON).body("{}")
                .post("/diagnostics/ping")
                .then().statusCode(202)
                .contentType(ContentType.JSON)
                .extract().path("id");
        assertDoesNotThrow(() -> UUID.fromString(id), "id must be a UUID: " + id);

        await("ping " + id + " visible on reporting-service")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> service(PulseService.REPORTING).auth().oauth2(token("admin"))
                        .get("/diagnostics/pings/{id}", id)
                        .statusCode() == 200);
    }

    // ------------------------------------------------------------------------------------------- helpers

    static String token(String user) {
        return RunningSystem.keycloak().token(user);
    }

    static String issuer() {
        return RunningSystem.env().issuer();
    }

    static JsonPath claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    static List<String> audience(JsonPath claims) {
        Object aud = claims.get("aud");
        return aud instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(aud));
    }

    /**
     * Changes the last character of the signature. For a 256-byte RS256 signature the last base64url
     * character carries only 2 significant bits (the other 4 are padding that lenient decoders ignore), so
     * the replacement is chosen 16 positions further in the alphabet: that flips a significant bit.
     */
    static String tamperLastChar(String jwt) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = jwt.charAt(jwt.length() - 1);
        char replacement = alphabet.charAt((alphabet.indexOf(last) + 16) % 64);
        return jwt.substring(0, jwt.length() - 1) + replacement;
    }
}
