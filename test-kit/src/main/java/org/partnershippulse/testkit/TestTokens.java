package org.partnershippulse.testkit;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens signed by the OIDC test server's key, shaped like Keycloak's (realm roles under
 * {@code realm_access.roles}, audience {@code pulse-api}), so the services validate them for real.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "pulse-api";

    private TestTokens() {
    }

    public static String of(TestUser user) {
        return build(user, Duration.ofMinutes(10), AUDIENCE);
    }

    public static String expired(TestUser user) {
        return Jwt.subject(user.subject())
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1)))
                .sign();
    }

    public static String withAudience(TestUser user, String audience) {
        return build(user, Duration.ofMinutes(10), audience, true);
    }

    /** A token whose e-mail the identity provider has not verified ({@code email_verified: false}). */
    public static String unverified(TestUser user) {
        return build(user, Duration.ofMinutes(10), AUDIENCE, false);
    }

    private static String build(TestUser user, Duration lifetime, String audience) {
        return build(user, lifetime, audience, true);
    }

    private static String build(TestUser user, Duration lifetime, String audience, boolean emailVerified) {
        return Jwt.subject(user.subject())
                .issuer(ISSUER)
                .audience(Set.of(audience))
                .preferredUserName(user.username())
                .claim("name", user.name())
                .claim("email", user.email())
                .claim("email_verified", emailVerified)
                .claim("realm_access", Map.of("roles", List.copyOf(user.realmRoles())))
                .expiresIn(lifetime)
                .sign();
    }
}
