package org.partnershippulse.systemkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real tokens from the real Keycloak (realm partnership-pulse): the password grant on the public client
 * {@code pulse-frontend}, as the frontend's login would produce them. Tokens are cached until a minute before
 * they expire. Also creates extra users (for load: sixty members of a coalition) through the admin API.
 */
public final class Keycloak {

    /** A user to create; the password is the username, as for the demo users. */
    public record User(UUID id, String username, String firstName, String lastName) {
        public String email() {
            return username + "@example.org";
        }
    }

    private record CachedToken(String value, long expiresAtMillis) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PulseEnvironment env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    public Keycloak(PulseEnvironment env) {
        this.env = env;
    }

    /** An access token for a realm user whose password is its username (every demo and created user). */
    public String token(String username) {
        CachedToken cached = tokens.get(username);
        if (cached != null && cached.expiresAtMillis() - 60_000 > System.currentTimeMillis()) {
            return cached.value();
        }
        JsonNode body = postForm(env.issuer() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "pulse-frontend", "username", username, "password", username));
        CachedToken fresh = new CachedToken(body.path("access_token").asText(),
                System.currentTimeMillis() + body.path("expires_in").asLong(300) * 1000);
        tokens.put(username, fresh);
        return fresh.value();
    }

    /** The Keycloak subject ({@code sub}) of a realm user, read from their own token. */
    public String subject(String username) {
        String payload = token(username).split("\\.")[1];
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload)).path("sub").asText();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable token of " + username, e);
        }
    }

    /** Drops a cached token: the next call signs in again (after a change to the user). */
    public void forget(String username) {
        tokens.remove(username);
    }

    /**
     * Creates the users that do not exist yet (Keycloak's partial import, skipping existing ones), with verified
     * e-mails and the password = username. Idempotent: the ids are the caller's.
     */
    public void ensureUsers(List<User> users) {
        String admin = adminToken();
        List<Map<String, Object>> reps = new ArrayList<>();
        for (User u : users) {
            reps.add(Map.of("id", u.id().toString(), "username", u.username(), "email", u.email(),
                    "emailVerified", true, "enabled", true, "firstName", u.firstName(), "lastName", u.lastName(),
                    "credentials", List.of(Map.of("type", "password", "value", u.username(), "temporary", false))));
        }
        for (int from = 0; from < reps.size(); from += 100) {
            Map<String, Object> body = Map.of("ifResourceExists", "SKIP", "users", reps.subList(from, Math.min(reps.size(), from + 100)));
            send(HttpRequest.newBuilder(URI.create(env.keycloakUrl() + "/admin/realms/" + PulseEnvironment.REALM + "/partialImport"))
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofString(write(body))).build());
        }
    }

    /** What a realm administrator can do to a user: set their e-mail, verified or not (an IdP that passes one through). */
    public void setEmail(User user, String email, boolean verified) {
        send(HttpRequest.newBuilder(URI.create(adminUsers() + "/" + user.id()))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(write(Map.of("email", email, "emailVerified", verified)))).build());
        forget(user.username());
    }

    /**
     * What a user can do to themself in Keycloak's account console: change their own e-mail (the account REST API,
     * with their own token). Answers the HTTP status; never throws for one.
     */
    public int changeOwnEmail(User user, String email) {
        Map<String, Object> body = Map.of("username", user.username(), "email", email,
                "firstName", user.firstName(), "lastName", user.lastName());
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(env.issuer() + "/account"))
                    .header("Authorization", "Bearer " + token(user.username()))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(write(body))).build(), HttpResponse.BodyHandlers.ofString());
            forget(user.username());
            return r.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's account API is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Tries to sign in; the HTTP status of the token request (200, or 400/401 when Keycloak refuses). */
    public int signInStatus(String username) {
        String encoded = "grant_type=password&client_id=pulse-frontend&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(username, StandardCharsets.UTF_8);
        try {
            return http.send(HttpRequest.newBuilder(URI.create(env.issuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String adminUsers() {
        return env.keycloakUrl() + "/admin/realms/" + PulseEnvironment.REALM + "/users";
    }

    private String adminToken() {
        return postForm(env.keycloakUrl() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .path("access_token").asText();
    }

    private JsonNode postForm(String url, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
