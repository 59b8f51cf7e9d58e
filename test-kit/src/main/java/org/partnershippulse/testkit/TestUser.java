package org.partnershippulse.testkit;

import java.util.Set;
import java.util.UUID;

/** A person as the identity provider knows them. The demo users mirror keycloak/partnership-pulse-realm.json. */
public record TestUser(String subject, String username, String name, Set<String> realmRoles) {

    public static final TestUser ADMIN = demo(1, "admin", "Avery Admin", "platform-admin");
    public static final TestUser RIVERA = demo(2, "rivera", "Maria Rivera");
    public static final TestUser CHEN = demo(3, "chen", "David Chen");
    public static final TestUser OKAFOR = demo(4, "okafor", "Grace Okafor");
    public static final TestUser NGUYEN = demo(5, "nguyen", "Linh Nguyen");
    public static final TestUser OUTSIDER = demo(15, "outsider", "Olive Outsider");

    /**
     * The (verified) e-mail in the user's tokens: the demo users' as in the realm; a fresh user's carries part of
     * their subject, so that signing in links only the person added for them.
     */
    public String email() {
        return subject.startsWith("a0000000-0000-4000-8000-") ? username + "@example.org"
                : username + "-" + subject.substring(0, 8) + "@example.org";
    }

    /** A new person nobody has seen before: each test can have its own, so tests do not share state. */
    public static TestUser fresh(String username) {
        return new TestUser(UUID.randomUUID().toString(), username, username, Set.of());
    }

    public static TestUser freshAdmin() {
        return new TestUser(UUID.randomUUID().toString(), "admin-" + UUID.randomUUID(), "Some Admin", Set.of("platform-admin"));
    }

    private static TestUser demo(int n, String username, String name, String... roles) {
        return new TestUser(String.format("a0000000-0000-4000-8000-%012d", n), username, name, Set.of(roles));
    }
}
