package org.partnershippulse.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as the bearer token says. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** The Keycloak subject ({@code sub}): the stable identity the services key people by. */
    public String subject() {
        return token.getSubject();
    }

    public String username() {
        return Optional.ofNullable(token.<String>getClaim("preferred_username")).orElse(subject());
    }

    public Optional<String> displayName() {
        return Optional.ofNullable(token.getClaim("name"));
    }

    public Optional<String> email() {
        return Optional.ofNullable(token.getClaim("email"));
    }

    /**
     * Whether the identity provider has verified the token's e-mail ({@code email_verified}): only a verified
     * address may link a login to a person added by e-mail.
     */
    public boolean emailVerified() {
        Object claim = token.getClaim("email_verified");
        return claim != null && "true".equals(claim.toString());
    }

    public boolean isPlatformAdmin() {
        return identity.hasRole(Roles.PLATFORM_ADMIN);
    }

    public Caller describe() {
        return new Caller(subject(), username(), displayName().orElse(null), email().orElse(null), isPlatformAdmin());
    }
}
