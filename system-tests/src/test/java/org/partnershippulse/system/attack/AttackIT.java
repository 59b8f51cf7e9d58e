package org.partnershippulse.system.attack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.Keycloak;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseService;

/**
 * The attack suite: plays every attack of issue 12 and its variants as a hostile insider would — a coordinator of
 * another partnership, a member, the platform administrator, a login editing its own account, a revoked member —
 * against the running system (real Keycloak with its account API, real services, real Kafka), across identities
 * and over time. Every attempt either obtains nothing or is counted as a success of the attacker; the suite prints
 * {@code attacks: N tried, M succeeded} and fails unless M is 0. The rule it enforces is contracts/privacy.md.
 */
@ExtendWith(RunningSystem.class)
class AttackIT {

    private static final PulseService P = PulseService.PARTNERSHIP;
    private static final PulseService A = PulseService.ASSESSMENT;
    private static final PulseService R = PulseService.REPORTING;

    private final PulseApi api = new PulseApi(RunningSystem.env(), RunningSystem.keycloak());
    private final Attacks attacks = new Attacks();
    private AttackWorld w;

    @Test
    void noAttackSucceeds() throws Exception {
        w = AttackWorld.build(api);
        identity();
        unverifiedEmail();
        tenants();
        signing();
        existenceAndInput();
        crossTenantReads();
        differencing();
        liveStreams();
        System.out.println(attacks.summary());
        attacks.succeeded().forEach(s -> System.out.println("  succeeded: " + s));
        attacks.errors().forEach(s -> System.out.println("  error: " + s));
        assertTrue(attacks.succeeded().isEmpty() && attacks.errors().isEmpty(), attacks.summary() + ", "
                + attacks.errors().size() + " could not be carried out:\n" + String.join("\n", attacks.succeeded())
                + "\n" + String.join("\n", attacks.errors()));
    }

    // ---------------------------------------------------------------------------------------- 1. account takeover

    private void identity() {
        String sharedPath = "/people/" + w.person(w.shared);
        attacks.attempt("1.1 coordinator B points a shared person at another login through PUT /people", () -> {
            PulseApi.Reply r = put(w.coordinatorB, sharedPath, personBody(w.shared, w.organisationShared, Map.of("subject", w.subject(w.attacker))));
            return r.ok() ? "PUT answered " + r.status() : becameSomeone(w.attacker);
        });
        attacks.attempt("1.2 coordinator B grants a role in B to a person of A only, to make them editable", () -> {
            PulseApi.Reply r = api.call("POST", P, w.coordinatorB.username(), "/partnerships/" + w.partnershipB + "/roles",
                    Map.of("personId", w.person(w.memberA), "role", "MEMBER"), null);
            return r.ok() ? "the role was granted (" + r.status() + ")" : null;
        });
        attacks.attempt("1.3 coordinator B edits a person of A only", () -> {
            PulseApi.Reply r = put(w.coordinatorB, "/people/" + w.person(w.memberA), personBody(w.memberA, w.organisationA2, Map.of("name", "Renamed by B")));
            return r.ok() ? "PUT answered " + r.status() : null;
        });
        attacks.attempt("1.4 the platform administrator points a member at their own login through PUT /people", () -> {
            PulseApi.Reply r = put(AttackWorld.ADMIN, "/people/" + w.person(w.memberA4),
                    personBody(w.memberA4, w.organisationA1, Map.of("subject", api.keycloak().subject(AttackWorld.ADMIN))));
            return r.ok() ? "PUT answered " + r.status() : becameSomeone(AttackWorld.ADMIN, w.partnershipA);
        });
        attacks.attempt("1.5 the platform administrator re-links a member to their own login, with a reason", () -> {
            PulseApi.Reply r = api.call("PUT", P, AttackWorld.ADMIN, "/people/" + w.person(w.memberA4) + "/login",
                    Map.of("subject", api.keycloak().subject(AttackWorld.ADMIN), "reason", "Support ticket 4711"), null);
            return r.ok() ? "re-link answered " + r.status() : becameSomeone(AttackWorld.ADMIN, w.partnershipA);
        });
        attacks.attempt("1.6 the platform administrator re-links a member to a login already linked to someone else", () -> {
            PulseApi.Reply r = api.call("PUT", P, AttackWorld.ADMIN, "/people/" + w.person(w.memberA4) + "/login",
                    Map.of("subject", w.subject(w.memberB), "reason", "Support ticket 4712"), null);
            return r.ok() ? "re-link answered " + r.status() : null;
        });
        attacks.attempt("1.7 a member re-links a person (the administrators' action)", () -> {
            PulseApi.Reply r = api.call("PUT", P, w.memberA.username(), "/people/" + w.person(w.memberA2) + "/login",
                    Map.of("subject", w.subject(w.memberA), "reason", "mine now"), null);
            return r.ok() ? "re-link answered " + r.status() : null;
        });
        attacks.attempt("1.8 a member sets their own subject", () -> {
            PulseApi.Reply r = put(w.memberA2, "/people/" + w.person(w.memberA2), personBody(w.memberA2, w.organisationA1,
                    Map.of("subject", w.subject(w.attacker))));
            return r.ok() ? "PUT answered " + r.status() : becameSomeone(w.attacker);
        });
        attacks.attempt("1.9 coordinator A adds a person carrying another login's subject", () -> {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Carrier " + w.tag, "email", "carrier-" + w.tag + "@example.org",
                    "partnershipId", w.partnershipA, "subject", w.subject(w.impostor)));
            PulseApi.Reply r = api.call("POST", P, w.coordinatorA.username(), "/people", body, null);
            return r.ok() ? "POST answered " + r.status() : becameSomeone(w.impostor);
        });
    }

    /** What the login sees of itself: a person or partnerships it should not have. */
    private String becameSomeone(Keycloak.User login) {
        return becameSomeone(login.username(), null);
    }

    private String becameSomeone(String login, String partnership) {
        JsonNode me = api.get(P, login, "/me");
        if (partnership == null && !me.path("person").isMissingNode() && !me.path("person").isNull()) {
            return login + " is now linked to " + me.path("person").path("name").asText();
        }
        for (JsonNode p : me.path("partnerships")) {
            if (partnership == null || partnership.equals(p.path("partnershipId").asText())) {
                return login + " now holds " + p.path("roles") + " in " + p.path("name").asText();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------- 2. unverified e-mail

    private void unverifiedEmail() {
        attacks.attempt("2.1 a login without a person changes its own e-mail (account console) to a pending person's", () -> {
            int changed = api.keycloak().changeOwnEmail(w.attacker, w.pendingEmail);
            if (api.keycloak().signInStatus(w.attacker.username()) != 200) {
                return null; // Keycloak wants the new address verified before it signs the login in again
            }
            String became = becameSomeone(w.attacker);
            return became == null ? null : became + " (account API answered " + changed + ")";
        });
        attacks.attempt("2.2 a login whose e-mail is the pending person's, unverified, signs in", () -> {
            api.keycloak().setEmail(w.impostor, w.secondPendingEmail, false);
            if (api.keycloak().signInStatus(w.impostor.username()) != 200) {
                return null; // the realm requires a verified e-mail before it issues a token
            }
            return becameSomeone(w.impostor);
        });
    }

    // ------------------------------------------------------------------------------------------------ 5. tenants

    private void tenants() {
        attacks.attempt("5.1 coordinator B edits an organisation of A", () -> {
            PulseApi.Reply r = putOrganisation(w.coordinatorB.username(), w.organisationA2, "Renamed by B " + w.tag);
            return r.ok() ? "PUT answered " + r.status() : null;
        });
        attacks.attempt("5.2 coordinator B adds an organisation of A to B, then edits it", () -> {
            api.call("POST", P, w.coordinatorB.username(), "/partnerships/" + w.partnershipB + "/memberships",
                    Map.of("organisationId", w.organisationA2, "role", "MEMBER"), null);
            PulseApi.Reply r = putOrganisation(w.coordinatorB.username(), w.organisationA2, "Renamed by B " + w.tag);
            return r.ok() ? "PUT after joining answered " + r.status() : null;
        });
        attacks.attempt("5.3 coordinator B edits an organisation shared by A and B", () -> {
            PulseApi.Reply r = putOrganisation(w.coordinatorB.username(), w.organisationShared, "Shared renamed by B " + w.tag);
            return r.ok() ? "PUT answered " + r.status() : null;
        });
        attacks.attempt("5.4 coordinator B edits a person shared by A and B (name, organisation, e-mail)", () -> {
            String path = "/people/" + w.person(w.shared);
            for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("name", "Renamed by B"),
                    Map.of("organisationId", w.organisationB1), Map.of("email", "taken-over-" + w.tag + "@example.org"))) {
                PulseApi.Reply r = put(w.coordinatorB, path, personBody(w.shared, w.organisationShared, change));
                if (r.ok()) {
                    return "PUT " + change.keySet() + " answered " + r.status();
                }
            }
            return null;
        });
        attacks.attempt("5.5 a change to a shared organisation goes unseen by one of its partnerships", () -> {
            String name = "Shared renamed by the administrator " + w.tag;
            PulseApi.ok(putOrganisation(AttackWorld.ADMIN, w.organisationShared, name), "admin renames the shared organisation");
            for (var p : Map.of(w.partnershipA, w.coordinatorA.username(), w.partnershipB, w.coordinatorB.username()).entrySet()) {
                if (!api.get(P, p.getValue(), "/partnerships/" + p.getKey() + "/audit?size=100").toString().contains(w.organisationShared)) {
                    return "the audit trail of " + p.getKey() + " does not show the change";
                }
            }
            return null;
        });
        attacks.attempt("5.6 a change to a shared person goes unseen by one of its partnerships", () -> {
            PulseApi.ok(put(AttackWorld.ADMIN, "/people/" + w.person(w.shared), personBody(w.shared, w.organisationShared,
                    Map.of("name", "Sam Shared-Renamed"))), "admin renames the shared person");
            for (var p : Map.of(w.partnershipA, w.coordinatorA.username(), w.partnershipB, w.coordinatorB.username()).entrySet()) {
                if (!api.get(P, p.getValue(), "/partnerships/" + p.getKey() + "/audit?size=100").toString().contains(w.person(w.shared))) {
                    return "the audit trail of " + p.getKey() + " does not show the change";
                }
            }
            return null;
        });
        attacks.attempt("5.7 outsiders save and submit answers to a round of A in one request", () -> {
            for (Keycloak.User outsider : List.of(w.coordinatorB, w.memberB, w.attacker)) {
                PulseApi.Reply r = api.call("POST", A, outsider.username(), "/rounds/" + w.roundA + "/response/submission",
                        w.answers(57), null);
                if (r.status() != 404) {
                    return outsider.username() + ": POST answered " + r.status() + " (not 404): " + brief(r.rawBody());
                }
            }
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------------ 6. signing

    private void signing() {
        String agreement = api.ok("POST", P, w.coordinatorA.username(), "/partnerships/" + w.partnershipA + "/agreements",
                Map.of("title", "Attack MOU " + w.tag)).path("id").asText();
        String path = "/partnerships/" + w.partnershipA + "/agreements/" + agreement;
        PulseApi.ok(api.call("POST", P, w.coordinatorA.username(), path + "/activate", null, w.etag(P, w.coordinatorA.username(), path)), "activate");
        attacks.attempt("6.1 a member declares themself part of another organisation", () -> {
            PulseApi.Reply r = put(w.memberA, "/people/" + w.person(w.memberA), personBody(w.memberA, w.organisationA1, Map.of()));
            return r.ok() && w.organisationA1.equals(r.body().path("organisationId").asText()) ? "PUT answered " + r.status() : null;
        });
        attacks.attempt("6.2 a member signs the agreement for another member organisation", () -> {
            PulseApi.Reply r = api.call("POST", P, w.memberA.username(), path + "/signatures",
                    Map.of("organisationId", w.organisationA1, "signerTitle", "Director"), null);
            return r.ok() ? "signed for " + w.organisationA1 + " (" + r.status() + ")" : null;
        });
        attacks.attempt("6.3 coordinator B signs A's agreement for the organisation they share", () -> {
            PulseApi.Reply r = api.call("POST", P, w.coordinatorB.username(), path + "/signatures",
                    Map.of("organisationId", w.organisationShared, "signerTitle", "Director"), null);
            return r.ok() ? "signed (" + r.status() + ")" : null;
        });
        improvementCommitments();
    }

    /** Commitments to a goal are signed like agreements; check-ins only on goals the member's organisation took on. */
    private void improvementCommitments() {
        String plan = "/partnerships/" + w.partnershipA + "/plans/" + api.ok("POST", P, w.coordinatorA.username(),
                "/partnerships/" + w.partnershipA + "/plans", Map.of("title", "Attack plan " + w.tag)).path("id").asText();
        String goalId = api.ok("POST", P, w.coordinatorA.username(), plan + "/goals", Map.of("what", "Share data monthly",
                "measure", "Members sharing data", "target", 90, "ownerOrganisationId", w.organisationA1,
                "ownerPersonId", w.person(w.coordinatorA), "dueOn", java.time.LocalDate.now().plusMonths(6).toString(),
                "findings", List.of(Map.of("roundId", w.roundA, "kind", "ITEM", "key", "trust-3")))).path("id").asText();
        String goal = plan + "/goals/" + goalId;
        String shared = goal + "/commitments/" + api.ok("POST", P, w.coordinatorA.username(), goal + "/commitments",
                Map.of("organisationId", w.organisationShared, "contribution", "Host the data talk",
                        "dueOn", java.time.LocalDate.now().plusMonths(1).toString())).path("id").asText();
        attacks.attempt("6.4 a member signs the commitment of another member organisation", () -> {
            PulseApi.Reply r = api.call("POST", P, w.memberA.username(), shared + "/signature", Map.of("signerTitle", "Director"), null);
            return r.ok() ? "signed (" + r.status() + ")" : null;
        });
        attacks.attempt("6.5 coordinator B signs A's commitment for the organisation they share", () -> {
            PulseApi.Reply r = api.call("POST", P, w.coordinatorB.username(), shared + "/signature", Map.of("signerName", "B"), null);
            return r.ok() ? "signed (" + r.status() + ")" : null;
        });
        attacks.attempt("6.6 a member checks in on a goal their organisation neither owns nor committed to", () -> {
            PulseApi.Reply r = api.call("POST", P, w.memberA.username(), plan + "/check-ins",
                    Map.of("goals", List.of(Map.of("goalId", goalId, "status", "DONE"))), null);
            return r.ok() ? "recorded (" + r.status() + ")" : null;
        });
    }

    // ---------------------------------------------------------------------------- 8. existence leaks and input

    private void existenceAndInput() {
        attacks.attempt("8.1 coordinator B renames B to A's name to learn that A exists", () -> {
            String path = "/partnerships/" + w.partnershipB;
            Map<String, Object> body = new LinkedHashMap<>();
            api.get(P, w.coordinatorB.username(), path).fields().forEachRemaining(e -> body.put(e.getKey(), e.getValue()));
            Map<String, Object> update = new LinkedHashMap<>(Map.of("name", "Attack A " + w.tag, "geographyType", "COUNTY",
                    "geographyName", "Ventura County", "status", "ACTIVE", "structure", "STEERING_COMMITTEE"));
            PulseApi.Reply r = api.call("PUT", P, w.coordinatorB.username(), path, update, w.etag(P, w.coordinatorB.username(), path));
            return r.status() == 409 ? "409: " + r.rawBody() : null;
        });
        attacks.attempt("8.2 coordinator B adds a person with an e-mail used in A to learn that it exists", () -> {
            PulseApi.Reply fresh = api.call("POST", P, w.coordinatorB.username(), "/people", Map.of("name", "Someone New",
                    "email", "new-" + w.tag + "@example.org", "partnershipId", w.partnershipB), null);
            PulseApi.Reply used = api.call("POST", P, w.coordinatorB.username(), "/people", Map.of("name", "Someone New",
                    "email", w.memberA.email(), "partnershipId", w.partnershipB), null);
            if (used.status() != fresh.status()) {
                return "a used e-mail answers " + used.status() + ", a new one " + fresh.status() + ": " + used.rawBody();
            }
            return used.rawBody().contains(w.memberA.firstName()) || used.rawBody().contains(w.partnershipA)
                    ? "the answer shows A's person: " + used.rawBody() : null;
        });
        attacks.attempt("8.3 a member of B lists people and sees roles in A or login subjects", () -> leakyPeople(w.memberB.username(), "/people?size=100"));
        attacks.attempt("8.4 coordinator B reads the shared person and sees their roles in A or their subject", () ->
                leakyPeople(w.coordinatorB.username(), "/people/" + w.person(w.shared)));
        attacks.attempt("8.5 a member of A lists people and sees others' login subjects", () -> leakyPeople(w.memberA.username(), "/people?size=100"));
        attacks.attempt("8.6 a page offset that overflows", () -> {
            for (PulseService s : PulseService.values()) {
                String path = s == R ? "/partnerships/" + w.partnershipA + "/trends?page=21474837&size=100"
                        : s == A ? "/partnerships/" + w.partnershipA + "/rounds?page=21474837&size=100" : "/people?page=21474837&size=100";
                PulseApi.Reply r = api.call("GET", s, w.coordinatorA.username(), path, null, null);
                if (r.status() >= 500) {
                    return s + " answered " + r.status();
                }
            }
            return null;
        });
        attacks.attempt("8.7 a NUL character in a name", () -> {
            PulseApi.Reply r = api.call("POST", P, w.coordinatorA.username(), "/organisations",
                    "{\"name\":\"Null\\u0000Org " + w.tag + "\",\"type\":\"Nonprofit\",\"sector\":\"HOUSING\"}", null);
            return r.status() == 400 && r.rawBody().contains("name") ? null : "answered " + r.status() + ": " + brief(r.rawBody());
        });
        attacks.attempt("8.8 a NUL character in an answer's text", () -> {
            Map<String, Object> answers = w.answers(99);
            String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(answers).replaceFirst("Reflection ", "Reflection \\\\u0000");
            PulseApi.Reply r = api.call("PUT", A, w.memberA4.username(), "/rounds/" + w.roundA + "/response", body, null);
            return r.status() == 400 ? null : "answered " + r.status() + ": " + brief(r.rawBody());
        });
        attacks.attempt("8.9 19,000 unknown item keys in one answer", () -> {
            StringBuilder body = new StringBuilder("{\"language\":\"en\",\"answers\":{");
            for (int i = 0; i < 19_000; i++) {
                body.append(i == 0 ? "" : ",").append("\"no-such-item-").append(i).append("\":{\"value\":\"x\"}");
            }
            body.append("}}");
            PulseApi.Reply r = api.call("PUT", A, w.memberA4.username(), "/rounds/" + w.roundA + "/response", body.toString(), null);
            if (r.status() >= 500) {
                return "answered " + r.status();
            }
            return r.rawBody().length() > 64 * 1024 ? "a " + r.rawBody().length() + "-character answer" : null;
        });
    }

    private String leakyPeople(String user, String path) {
        JsonNode body = api.get(P, user, path);
        List<JsonNode> people = new ArrayList<>();
        if (body.has("items")) {
            body.path("items").forEach(people::add);
        } else {
            people.add(body);
        }
        String me = api.get(P, user, "/me").path("person").path("id").asText();
        for (JsonNode person : people) {
            if (!person.path("id").asText().equals(me) && person.hasNonNull("subject")) {
                return "the subject of " + person.path("name").asText() + " is shown";
            }
            for (JsonNode role : person.path("roles")) {
                String p = role.path("partnershipId").asText();
                if (!p.isEmpty() && api.call("GET", P, user, "/partnerships/" + p, null, null).status() == 404) {
                    return person.path("name").asText() + "'s role in a partnership the caller cannot see is shown";
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------- reads across tenants

    private void crossTenantReads() {
        Map<String, PulseService> paths = new LinkedHashMap<>();
        paths.put("/partnerships/" + w.partnershipA, P);
        paths.put("/partnerships/" + w.partnershipA + "/audit", P);
        paths.put("/partnerships/" + w.partnershipA + "/roles", P);
        paths.put("/people/" + w.person(w.memberA), P);
        paths.put(w.roundPath(w.roundA), A);
        paths.put(w.roundPath(w.roundA) + "/participation", A);
        paths.put("/rounds/" + w.roundA + "/report", R);
        paths.put("/rounds/" + w.roundA + "/report.csv", R);
        paths.put("/rounds/" + w.roundA + "/report/network", R);
        paths.put("/rounds/" + w.roundA + "/report/network/map.svg", R);
        paths.put("/rounds/" + w.roundA + "/me", R);
        paths.put("/rounds/" + w.roundA + "/releases", R);
        paths.put("/partnerships/" + w.partnershipA + "/trends", R);
        paths.put("/partnerships/" + w.partnershipA + "/comparison", R);
        paths.put("/partnerships/" + w.partnershipA + "/memberships", P);
        paths.put("/partnerships/" + w.partnershipA + "/agreements", P);
        paths.put("/partnerships/" + w.partnershipA + "/coverage", P);
        paths.put("/partnerships/" + w.partnershipA + "/plans", P);
        paths.put("/partnerships/" + w.partnershipA + "/measures", P);
        paths.put("/partnerships/" + w.partnershipA + "/improvement/overdue", P);
        for (Keycloak.User outsider : List.of(w.coordinatorB, w.memberB, w.attacker)) {
            attacks.attempt("x " + outsider.username().replaceFirst("^atk\\w+-", "") + " watches the live stream of A's round", () -> {
                LiveStream s = LiveStream.open(api, outsider.username(), w.roundA);
                s.close();
                return s.status == 404 ? null : "answered " + s.status;
            });
            paths.forEach((path, service) -> attacks.attempt("x " + outsider.username().replaceFirst("^atk\\w+-", "") + " reads " + service + " " + path
                    .replace(w.partnershipA, "{A}").replace(w.roundA, "{round}"), () -> {
                PulseApi.Reply r = api.call("GET", service, outsider.username(), path, null, null);
                return r.ok() ? "answered " + r.status() + ": " + brief(r.rawBody()) : null;
            }));
        }
    }

    // -------------------------------------------------------------------------------- 3. and 7. differencing

    /** Every result read a role can make of round A, keyed by what was read, with the body as text. */
    private Map<String, String> reads() {
        Map<String, String> out = new LinkedHashMap<>();
        String round = "/rounds/" + w.roundA;
        for (Keycloak.User u : List.of(w.coordinatorA, w.memberA, w.memberA2)) {
            out.put(u.username() + " report", read(R, u.username(), round + "/report"));
            out.put(u.username() + " report.csv", read(R, u.username(), round + "/report.csv"));
            out.put(u.username() + " trends", read(R, u.username(), "/partnerships/" + w.partnershipA + "/trends"));
        }
        out.put("admin report", read(R, AttackWorld.ADMIN, round + "/report"));
        out.put(w.memberA.username() + " personal view (group figures)", groupFigures(read(R, w.memberA.username(), round + "/me")));
        return out;
    }

    private String read(PulseService s, String user, String path) {
        PulseApi.Reply r = api.call("GET", s, user, path, null, null);
        return r.status() + " " + r.rawBody();
    }

    /** The personal view without the caller's own answers (which change when they revise, as they should). */
    private static String groupFigures(String personalView) {
        return personalView.replaceAll("\"mine\":\\{[^}]*}", "").replaceAll("\"(revision|submittedAt)\":[^,]*,", "")
                .replaceAll("\"(profile|texts)\":\\[[^]]*]", "");
    }

    /**
     * The reads whose results differ. The round's state (open, closed), its dates and its audience (how many are
     * invited, which follows the partnership's roles) may change between two reads, as a close or a reopen
     * must show; the figures of the answers may not.
     */
    private String changed(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        before.forEach((k, v) -> {
            String a = after.get(k);
            if (!withoutRoundState(v).equals(withoutRoundState(a))) {
                changed.add(k + " (" + brief(difference(withoutRoundState(v), withoutRoundState(a))) + ")");
            }
        });
        return changed.isEmpty() ? null : "these reads changed: " + changed;
    }

    private static final java.util.regex.Pattern ROUND_STATE =
            java.util.regex.Pattern.compile("\"(status|closedAt|closesAt|openedAt|reopenedAt|generatedAt|invited|rate)\":(\"[^\"]*\"|null|[0-9.]+),?");

    private static String withoutRoundState(String read) {
        return read == null ? "" : ROUND_STATE.matcher(read).replaceAll("");
    }

    /** Where two texts start to differ, for the message. */
    private static String difference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 60);
        return "…" + a.substring(from, Math.min(a.length(), i + 60)) + " ≠ …" + b.substring(from, Math.min(b.length(), i + 60));
    }

    private void submitted(Keycloak.User user, long seed, int revision) {
        PulseApi.ok(w.submit(user, w.roundA, seed), user.username() + " submits");
        // the respondent's own view shows their revision once reporting has applied it (their own answers only)
        w.awaitReporting(user.username() + "'s revision " + revision + " in reporting", () -> {
            PulseApi.Reply me = api.call("GET", R, user.username(), "/rounds/" + w.roundA + "/me", null, null);
            return me.ok() && me.body().path("revision").asInt() >= revision;
        });
    }

    private PulseApi.Reply release() {
        return api.call("POST", R, w.coordinatorA.username(), "/rounds/" + w.roundA + "/releases", null, null);
    }

    private void differencing() throws Exception {
        // three answer and are released together: a legitimate first release
        submitted(w.coordinatorA, 1, 1);
        submitted(w.memberA, 2, 1);
        submitted(w.memberA2, 3, 1);
        release();
        Map<String, String> released = reads();
        attacks.attempt("3.1 participation tells when each person submitted", () -> {
            JsonNode participation = api.get(A, w.coordinatorA.username(), w.roundPath(w.roundA) + "/participation");
            for (JsonNode p : participation.path("responded")) {
                for (var it = p.fieldNames(); it.hasNext(); ) {
                    String field = it.next();
                    if (field.endsWith("At") && !p.path(field).isNull()) {
                        return "participants carry " + field;
                    }
                }
            }
            return null;
        });

        LiveStream coordinatorView = LiveStream.open(api, w.coordinatorA.username(), w.roundA);
        AttackWorld.sleep(1500);
        int seen = coordinatorView.events().size();
        submitted(w.memberA3, 4, 1);
        AttackWorld.sleep(1500);
        attacks.attempt("3.2 every result read, before and after one person submits", () -> changed(released, reads()));
        attacks.attempt("3.3 the live stream pushes the step of one submission", () -> {
            List<LiveStream.Event> pushed = coordinatorView.summariesSince(seen);
            return pushed.isEmpty() ? null : pushed.size() + " summaries pushed after one submission";
        });
        coordinatorView.close();
        attacks.attempt("3.4 an interim release of one new answer", () -> {
            PulseApi.Reply r = release();
            return r.ok() ? "released (" + r.status() + ")" : null;
        });

        // 7: revoked while the round is open
        String roleA3 = roleOf(w.memberA3);
        LiveStream revokedView = LiveStream.open(api, w.memberA3.username(), w.roundA);
        PulseApi.ok(api.call("DELETE", P, w.coordinatorA.username(), "/partnerships/" + w.partnershipA + "/roles/" + roleA3, null, null), "revoke");
        w.awaitReporting("reporting knows the revocation", () ->
                api.call("GET", R, w.memberA3.username(), "/rounds/" + w.roundA + "/report", null, null).status() == 404);
        attacks.attempt("7.1 a revoked member still reads the group's figures through their personal view", () -> {
            PulseApi.Reply r = api.call("GET", R, w.memberA3.username(), "/rounds/" + w.roundA + "/me", null, null);
            return r.ok() && r.rawBody().contains("\"group\":{") ? "the personal view shows group results" : null;
        });
        attacks.attempt("7.2 a revoked member's open live stream keeps watching", () -> {
            submitted(w.memberA4, 5, 1);
            submitted(w.shared, 6, 1);
            release(); // three changes: a legitimate release the revoked member must not see
            boolean ended = revokedView.awaitEnd(45_000);
            List<LiveStream.Event> after = revokedView.summariesSince(1);
            revokedView.close();
            return !ended ? "the stream is still open 45 s after the revocation"
                    : after.stream().anyMatch(e -> e.data().contains("\"items\"") && !e.data().contains("\"items\":[]"))
                    ? "figures were pushed after the revocation" : null;
        });

        Map<String, String> beforeRevision = reads();
        submitted(w.memberA, 7, 2);
        attacks.attempt("3.5 every result read, before and after one person revises", () -> changed(beforeRevision, reads()));
        PulseApi.ok(w.lifecycle(w.roundA, "close", null), "close");
        AttackWorld.sleep(2000);
        attacks.attempt("3.6 every result read, before and after a close that would release one revision", () -> changed(beforeRevision, reads()));
        PulseApi.ok(w.lifecycle(w.roundA, "reopen", Map.of("reason", "One partner asked to correct an answer")), "reopen");
        Map<String, String> reopened = reads();
        submitted(w.memberA2, 8, 2);
        PulseApi.ok(w.lifecycle(w.roundA, "close", null), "close again");
        AttackWorld.sleep(2000);
        attacks.attempt("3.7 every result read, across a reopen, one more revision and a close (two changes, minimum 3)",
                () -> changed(reopened, reads()));
        attacks.attempt("3.8 the platform administrator reads a member's answers", () -> {
            PulseApi.Reply r = api.call("GET", A, AttackWorld.ADMIN, "/rounds/" + w.roundA + "/response", null, null);
            return r.ok() && r.rawBody().contains("answers") ? "answered " + r.status() : null;
        });
        attacks.attempt("3.9 answers and reports may be cached, or sniffed", () -> {
            List<String> missing = new ArrayList<>();
            for (var read : Map.of("/rounds/" + w.roundA + "/report", R, "/rounds/" + w.roundA + "/me", R,
                    "/rounds/" + w.roundA + "/response", A).entrySet()) {
                HttpResponse<String> r = api.exchange("GET", read.getValue(), w.memberA.username(), read.getKey(), null,
                        Map.of("Accept", "application/json"), Duration.ofSeconds(30));
                if (!r.headers().firstValue("Cache-Control").orElse("").contains("no-store")) {
                    missing.add(read.getKey() + " without Cache-Control: no-store");
                }
                if (!r.headers().firstValue("X-Content-Type-Options").orElse("").equals("nosniff")) {
                    missing.add(read.getKey() + " without nosniff");
                }
            }
            return missing.isEmpty() ? null : String.join(", ", missing);
        });
    }

    private String roleOf(Keycloak.User user) {
        for (JsonNode role : api.get(P, w.coordinatorA.username(), "/partnerships/" + w.partnershipA + "/roles?size=100").path("items")) {
            if (role.path("personId").asText().equals(w.person(user)) && role.path("active").asBoolean()) {
                return role.path("id").asText();
            }
        }
        throw new IllegalStateException("no active role of " + user.username());
    }

    // -------------------------------------------------------------------------------------------- 4. live streams

    private void liveStreams() throws Exception {
        String round = w.openRound(w.partnershipA, 7); // member A3 was revoked
        attacks.attempt("4.1 one member opens live streams without limit", () -> {
            List<LiveStream> streams = new ArrayList<>();
            try {
                for (int i = 0; i < 12; i++) {
                    LiveStream s = LiveStream.open(api, w.memberA.username(), round);
                    streams.add(s);
                    if (s.status == 429) {
                        return null;
                    }
                }
                return "12 streams open for one member, none refused";
            } finally {
                streams.forEach(LiveStream::close);
            }
        });
        attacks.attempt("4.2 viewers who close their tabs exhaust the database", () -> {
            List<Keycloak.User> viewers = List.of(w.coordinatorA, w.memberA, w.memberA2, w.memberA4, w.shared);
            for (int round2 = 0; round2 < 8; round2++) {
                for (Keycloak.User v : viewers) {
                    LiveStream s = LiveStream.open(api, v.username(), round);
                    s.close();
                }
            }
            Supplier<Integer> report = () -> api.call("GET", R, w.coordinatorA.username(), "/rounds/" + round + "/report", null, null).status();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int status = report.get();
            while (status != 200 && System.nanoTime() < deadline) {
                AttackWorld.sleep(500);
                status = report.get();
            }
            return status == 200 ? null : "after 40 abandoned streams the report answers " + status;
        });
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private PulseApi.Reply put(Keycloak.User caller, String path, Map<String, Object> body) {
        return put(caller.username(), path, body);
    }

    private PulseApi.Reply put(String caller, String path, Map<String, Object> body) {
        return api.call("PUT", P, caller, path, body, w.etag(P, AttackWorld.ADMIN, path));
    }

    private Map<String, Object> personBody(Keycloak.User user, String organisationId, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", user.firstName() + " " + user.lastName());
        body.put("email", user.email());
        body.put("organisationId", organisationId);
        body.putAll(changes);
        return body;
    }

    private PulseApi.Reply putOrganisation(String caller, String organisationId, String name) {
        String path = "/organisations/" + organisationId;
        JsonNode current = api.get(P, AttackWorld.ADMIN, path);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", current.path("type").asText());
        body.put("sector", current.path("sector").asText());
        return api.call("PUT", P, caller, path, body, w.etag(P, AttackWorld.ADMIN, path));
    }

    private static String brief(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
