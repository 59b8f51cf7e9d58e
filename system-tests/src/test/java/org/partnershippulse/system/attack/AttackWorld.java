package org.partnershippulse.system.attack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.partnershippulse.systemkit.Coalition;
import org.partnershippulse.systemkit.Keycloak;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseService;

/**
 * Two partnerships built for the attack suite through the public API, with Keycloak users of their own (new per
 * run, so nothing an earlier run did can help or hide an attack): A (a coordinator, five members, one of them
 * also a member of B, and a pending person added by e-mail who has not signed in yet) and B (a coordinator and a
 * member), member organisations of both, and an open PAI round of A with a minimum group size of 3.
 */
final class AttackWorld {

    static final String ADMIN = "admin";
    private static final Duration EVENTS = Duration.ofSeconds(90);

    final PulseApi api;
    final String tag = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    final Keycloak.User coordinatorA = user("coord-a", "Ana", "Coordinator");
    final Keycloak.User memberA = user("member-a", "Mo", "Member");
    final Keycloak.User memberA2 = user("member-a2", "Lee", "Second");
    final Keycloak.User memberA3 = user("member-a3", "Ola", "Third");
    final Keycloak.User memberA4 = user("member-a4", "Kai", "Fourth");
    final Keycloak.User shared = user("shared", "Sam", "Shared");
    final Keycloak.User coordinatorB = user("coord-b", "Bea", "Coordinator");
    final Keycloak.User memberB = user("member-b", "Ben", "Member");
    /** A login with no person: it tries to become someone. */
    final Keycloak.User attacker = user("attacker", "Eve", "Attacker");
    final Keycloak.User impostor = user("impostor", "Mal", "Impostor");
    /** Added to A by e-mail; has no login yet. */
    final String pendingEmail = "atk" + tag + "-pending@example.org";
    final String secondPendingEmail = "atk" + tag + "-pending2@example.org";

    String organisationA1;
    String organisationA2;
    String organisationShared;
    String organisationB1;
    String partnershipA;
    String partnershipB;
    final Map<Keycloak.User, String> people = new LinkedHashMap<>();
    String pendingPerson;
    String roundA;
    Coalition.PaiForm form;

    private AttackWorld(PulseApi api) {
        this.api = api;
    }

    static AttackWorld build(PulseApi api) {
        AttackWorld w = new AttackWorld(api);
        api.keycloak().ensureUsers(java.util.List.of(w.coordinatorA, w.memberA, w.memberA2, w.memberA3, w.memberA4, w.shared,
                w.coordinatorB, w.memberB, w.attacker, w.impostor));
        w.organisationA1 = w.organisation("CHILD_WELFARE");
        w.organisationA2 = w.organisation("EDUCATION");
        w.organisationShared = w.organisation("FAITH_BASED");
        w.organisationB1 = w.organisation("HOUSING");
        w.partnershipA = w.partnership("A", w.organisationA1);
        w.partnershipB = w.partnership("B", w.organisationB1);
        w.join(w.partnershipA, w.organisationA1);
        w.join(w.partnershipA, w.organisationA2);
        w.join(w.partnershipA, w.organisationShared);
        w.join(w.partnershipB, w.organisationB1);
        w.join(w.partnershipB, w.organisationShared);

        w.member(w.partnershipA, w.coordinatorA, w.organisationA1, "COORDINATOR");
        w.member(w.partnershipA, w.memberA, w.organisationA2, "MEMBER");
        w.member(w.partnershipA, w.memberA2, w.organisationA1, "MEMBER");
        w.member(w.partnershipA, w.memberA3, w.organisationA2, "MEMBER");
        w.member(w.partnershipA, w.memberA4, w.organisationA1, "MEMBER");
        w.member(w.partnershipA, w.shared, w.organisationShared, "MEMBER");
        w.grant(w.partnershipB, w.people.get(w.shared), "MEMBER");
        w.member(w.partnershipB, w.coordinatorB, w.organisationB1, "COORDINATOR");
        w.member(w.partnershipB, w.memberB, w.organisationB1, "MEMBER");
        w.pendingPerson = w.newPerson(w.partnershipA, "Pat Pending", w.pendingEmail, w.organisationA2);
        w.grant(w.partnershipA, w.pendingPerson, "MEMBER");
        w.grant(w.partnershipA, w.newPerson(w.partnershipA, "Pat Pending Two", w.secondPendingEmail, w.organisationA1), "MEMBER");

        w.form = Coalition.PaiForm.of(api.get(PulseService.ASSESSMENT, w.coordinatorA.username(), "/instruments/" + Coalition.PAI
                + "/versions/" + Coalition.latestPai(api, w.coordinatorA.username()).path("version").asInt()));
        w.roundA = w.openRound(w.partnershipA, 8);
        return w;
    }

    private Keycloak.User user(String role, String first, String last) {
        String username = "atk" + tag + "-" + role;
        return new Keycloak.User(UUID.nameUUIDFromBytes(("pulse-user/" + username).getBytes(StandardCharsets.UTF_8)), username, first, last);
    }

    String subject(Keycloak.User user) {
        return user.id().toString();
    }

    String organisation(String sector) {
        return api.ok("POST", PulseService.PARTNERSHIP, ADMIN, "/organisations", Map.of(
                "name", "Attack " + tag + " " + sector.toLowerCase() + " " + UUID.randomUUID().toString().substring(0, 4),
                "type", "Nonprofit", "sector", sector)).path("id").asText();
    }

    private String partnership(String name, String lead) {
        return api.ok("POST", PulseService.PARTNERSHIP, ADMIN, "/partnerships", Map.of(
                "name", "Attack " + name + " " + tag, "geographyType", "COUNTY", "geographyName", "Ventura County",
                "status", "ACTIVE", "structure", "STEERING_COMMITTEE", "leadOrganisationId", lead)).path("id").asText();
    }

    String join(String partnershipId, String organisationId) {
        return api.ok("POST", PulseService.PARTNERSHIP, ADMIN, "/partnerships/" + partnershipId + "/memberships",
                Map.of("organisationId", organisationId, "role", "MEMBER")).path("id").asText();
    }

    String newPerson(String partnershipId, String name, String email, String organisationId) {
        return api.ok("POST", PulseService.PARTNERSHIP, ADMIN, "/people", Map.of("name", name, "email", email,
                "organisationId", organisationId, "partnershipId", partnershipId)).path("id").asText();
    }

    String grant(String partnershipId, String personId, String role) {
        return api.ok("POST", PulseService.PARTNERSHIP, ADMIN, "/partnerships/" + partnershipId + "/roles",
                Map.of("personId", personId, "role", role)).path("id").asText();
    }

    /** Adds the user as a person of the partnership, grants the role and lets them sign in once (which links them). */
    private void member(String partnershipId, Keycloak.User user, String organisationId, String role) {
        String person = newPerson(partnershipId, user.firstName() + " " + user.lastName(), user.email(), organisationId);
        people.put(user, person);
        grant(partnershipId, person, role);
        JsonNode me = api.get(PulseService.PARTNERSHIP, user.username(), "/me");
        if (!person.equals(me.path("person").path("id").asText())) {
            throw new IllegalStateException(user.username() + " was not linked to their person on sign-in: " + me);
        }
    }

    String person(Keycloak.User user) {
        return people.get(user);
    }

    /** A current ETag, for an update. */
    String etag(PulseService service, String user, String path) {
        PulseApi.Reply r = api.call("GET", service, user, path, null, null);
        return r.etag() == null ? "\"0\"" : r.etag();
    }

    /** A complete PAI answer drawn from the seed; different seeds give different answers. */
    Map<String, Object> answers(long seed) {
        return form.answers(new Random(seed));
    }

    PulseApi.Reply submit(Keycloak.User user, String roundId, long seed) {
        String path = "/rounds/" + roundId + "/response";
        PulseApi.Reply current = api.call("GET", PulseService.ASSESSMENT, user.username(), path, null, null);
        String etag = current.ok() ? current.etag() : null; // a revision names the response it replaces
        PulseApi.Reply saved = api.call("PUT", PulseService.ASSESSMENT, user.username(), path, answers(seed), etag);
        return saved.ok() ? api.call("POST", PulseService.ASSESSMENT, user.username(), path + "/submit", null, null) : saved;
    }

    String roundPath(String roundId) {
        return "/partnerships/" + partnershipA + "/rounds/" + roundId;
    }

    /** Closes (or opens, reopens) a round of A as its coordinator. */
    PulseApi.Reply lifecycle(String roundId, String action, Object body) {
        String path = roundPath(roundId);
        return api.call("POST", PulseService.ASSESSMENT, coordinatorA.username(), path + "/" + action, body,
                etag(PulseService.ASSESSMENT, coordinatorA.username(), path));
    }

    /** Waits until reporting-service has applied the round's events up to the given count of respondents. */
    void awaitReporting(String what, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + EVENTS.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + EVENTS.toSeconds() + " s: " + what);
            }
            sleep(250);
        }
    }

    /** Opens a PAI round of the partnership once assessment-service knows every one of its invited people. */
    String openRound(String partnershipId, int invited) {
        String rounds = "/partnerships/" + partnershipId + "/rounds";
        long deadline = System.nanoTime() + EVENTS.toNanos();
        while (true) {
            PulseApi.Reply created = api.call("POST", PulseService.ASSESSMENT, coordinatorA.username(), rounds, Map.of(
                    "instrumentKey", Coalition.PAI, "instrumentVersion", Coalition.latestPai(api, coordinatorA.username()).path("version").asInt(),
                    "title", "Attack round " + tag + " " + UUID.randomUUID().toString().substring(0, 4),
                    "minimumGroupSize", 3,
                    "closesAt", Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS).toString()), null);
            if (created.ok()) {
                String id = created.body().path("id").asText();
                PulseApi.Reply opened = lifecycle(id, "open", null);
                if (opened.ok() && opened.body().path("invitedCount").asInt() == invited) {
                    return id;
                }
                lifecycle(id, "close", null);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("assessment-service does not know the " + invited + " people of " + partnershipId
                        + " (last answer " + created.status() + ": " + created.rawBody() + ")");
            }
            sleep(500);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
