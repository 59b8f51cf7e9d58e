package org.partnershippulse.kit.security;

/**
 * The only Keycloak realm role the services know. Everything finer (coordinator, member of a partnership) is
 * the product's own data, decided by each service from its own tables.
 */
public final class Roles {

    public static final String PLATFORM_ADMIN = "platform-admin";

    private Roles() {
    }
}
