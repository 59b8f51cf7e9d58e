package org.partnershippulse.system.access;

import static org.partnershippulse.system.access.AccessFixtures.PAI;
import static org.partnershippulse.system.access.AccessFixtures.call;
import static org.partnershippulse.system.access.AccessFixtures.etag;
import static org.partnershippulse.systemkit.PulseService.ASSESSMENT;
import static org.partnershippulse.systemkit.PulseService.PARTNERSHIP;
import static org.partnershippulse.systemkit.PulseService.REPORTING;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.partnershippulse.system.access.AccessMatrix.Caller;
import org.partnershippulse.system.access.AccessMatrix.Row;
import org.partnershippulse.systemkit.PulseService;

/**
 * For each row of the access matrix, how to make its request: the concrete path, body and If-Match, built from the
 * fixtures. A mutating row prepares a fresh target for each caller (a new draft, a new partnership…), so a caller
 * who succeeds changes nothing the next caller's cell depends on.
 */
final class AccessRequests {

    /** One request: the path with its ids filled in, an optional JSON body and If-Match, what it accepts. */
    record Call(String path, Object body, String ifMatch, String accept, BodyCheck check) {

        static Call to(String path) {
            return new Call(path, null, null, "application/json", BodyCheck.NONE);
        }

        Call body(Object value) {
            return new Call(path, value, ifMatch, accept, check);
        }

        Call ifMatch(String etag) {
            return new Call(path, body, etag, accept, check);
        }

        Call accept(String mediaType) {
            return new Call(path, body, ifMatch, mediaType, check);
        }

        Call check(BodyCheck bodyCheck) {
            return new Call(path, body, ifMatch, accept, bodyCheck);
        }
    }

    /** What a successful answer must (not) show the caller beyond its status; null when it is fine. */
    interface BodyCheck {
        BodyCheck NONE = (caller, body) -> null;

        String problem(Caller caller, String body);
    }

    private final AccessFixtures f;
    private final Map<String, Supplier<Call>> calls = new HashMap<>();

    AccessRequests(AccessFixtures fixtures) {
        this.f = fixtures;
        partnershipService();
        assessmentService();
        reportingService();
    }

    /** The request of a row, prepared afresh for each call; empty when the catalogue has none for it. */
    Optional<Supplier<Call>> of(Row row) {
        return Optional.ofNullable(calls.get(row.key()));
    }

    /** The rows the catalogue has requests for, to find those left behind by a row removed from the matrix. */
    Set<String> rowKeys() {
        return calls.keySet();
    }

    private void on(PulseService service, String method, String path, String scenario, Supplier<Call> call) {
        String key = new Row(service, method, path, scenario, Map.of()).key();
        if (calls.put(key, call) != null) {
            throw new IllegalStateException("two requests for " + key);
        }
    }

    // ------------------------------------------------------------------------------------ partnership-service

    private void partnershipService() {
        String a = "/partnerships/" + f.partnershipA;
        on(PARTNERSHIP, "GET", "/me", "", () -> Call.to("/me"));
        on(PARTNERSHIP, "GET", "/me/notification-settings", "the caller's own (the admin has no person entry)",
                () -> Call.to("/me/notification-settings"));
        on(PARTNERSHIP, "PUT", "/me/notification-settings", "the caller's own (the admin has no person entry)",
                () -> Call.to("/me/notification-settings").body(Map.of("language", "en", "emailOptOut", false)));
        String noSuchToken = "/notifications/unsubscribe?token=" + "N".repeat(43);
        on(PARTNERSHIP, "GET", "/notifications/unsubscribe",
                "a well-formed token no link has (the token, not a login, is the credential)",
                () -> Call.to(noSuchToken).accept("text/html"));
        on(PARTNERSHIP, "POST", "/notifications/unsubscribe", "a well-formed token no link has",
                () -> Call.to(noSuchToken).accept("text/html"));
        on(PARTNERSHIP, "GET", "/sectors", "", () -> Call.to("/sectors"));
        on(PARTNERSHIP, "GET", "/person-roles", "", () -> Call.to("/person-roles"));

        on(PARTNERSHIP, "GET", "/organisations", "the shared directory", () -> Call.to("/organisations"));
        on(PARTNERSHIP, "GET", "/organisations", "members of A (partnershipId = A)",
                () -> Call.to("/organisations?partnershipId=" + f.partnershipA));
        on(PARTNERSHIP, "POST", "/organisations", "", () -> Call.to("/organisations").body(f.organisationBody("FAITH_BASED")));
        on(PARTNERSHIP, "GET", "/organisations/{id}", "an organisation of A (the directory is shared)",
                () -> Call.to("/organisations/" + f.organisationMemberA));
        on(PARTNERSHIP, "PUT", "/organisations/{id}", "an organisation of A", () -> {
            String path = "/organisations/" + f.organisationMemberA;
            JsonPath now = call("admin", PARTNERSHIP, "GET", path, null, null);
            return Call.to(path).body(Map.of("name", now.getString("name"), "type", now.getString("type"), "sector", now.getString("sector")))
                    .ifMatch(etag("admin", PARTNERSHIP, path));
        });

        on(PARTNERSHIP, "GET", "/partnerships", "the caller's partnerships", () -> Call.to("/partnerships"));
        on(PARTNERSHIP, "POST", "/partnerships", "", () -> Call.to("/partnerships").body(f.partnershipBody("new")));
        on(PARTNERSHIP, "GET", "/partnerships/{id}", "", () -> Call.to(a));
        on(PARTNERSHIP, "PUT", "/partnerships/{id}", "",
                () -> Call.to(a).body(f.partnershipABody).ifMatch(etag("admin", PARTNERSHIP, a)));
        on(PARTNERSHIP, "DELETE", "/partnerships/{id}", "created by mistake, nobody holds a role in it yet",
                () -> Call.to("/partnerships/" + f.newEmptyPartnership()));
        on(PARTNERSHIP, "DELETE", "/partnerships/{id}", "purge=true: a partnership like A deleted entirely, fresh per caller",
                () -> Call.to("/partnerships/" + f.newPartnershipLikeA() + "?purge=true"));
        on(PARTNERSHIP, "POST", "/partnerships/{id}/dissolve", "a partnership like A, fresh per caller", () -> {
            String path = "/partnerships/" + f.newPartnershipLikeA();
            return Call.to(path + "/dissolve").body(Map.of("reason", "The work moved to the county council"))
                    .ifMatch(etag("admin", PARTNERSHIP, path));
        });

        on(PARTNERSHIP, "PUT", "/partnerships/{id}/benchmark-contribution",
                "the partnership's own consent: its coordinators only, not the platform administrator",
                () -> Call.to(a + "/benchmark-contribution").body(Map.of("contributes", false)));

        String agreements = "/partnerships/{partnershipId}/agreements";
        String agreement = agreements + "/{agreementId}";
        on(PARTNERSHIP, "GET", agreements, "", () -> Call.to(a + "/agreements"));
        on(PARTNERSHIP, "POST", agreements, "", () -> Call.to(a + "/agreements").body(Map.of("title", "Access matrix MOU")));
        on(PARTNERSHIP, "GET", agreement, "a draft", () -> Call.to(f.agreementPath(f.draftAgreementA)));
        on(PARTNERSHIP, "PUT", agreement, "a draft, fresh per caller", () -> {
            String path = f.agreementPath(f.draftAgreement());
            return Call.to(path).body(Map.of("title", "Access matrix MOU, revised")).ifMatch(etag("admin", PARTNERSHIP, path));
        });
        on(PARTNERSHIP, "POST", agreement + "/activate", "a draft, fresh per caller", () -> {
            String path = f.agreementPath(f.draftAgreement());
            return Call.to(path + "/activate").ifMatch(etag("admin", PARTNERSHIP, path));
        });
        on(PARTNERSHIP, "POST", agreement + "/renew", "an active agreement, fresh per caller", () -> {
            String path = f.agreementPath(f.activeAgreement());
            return Call.to(path + "/renew").ifMatch(etag("admin", PARTNERSHIP, path));
        });
        on(PARTNERSHIP, "POST", agreement + "/terminate", "an active agreement, fresh per caller", () -> {
            String path = f.agreementPath(f.activeAgreement());
            return Call.to(path + "/terminate").body(Map.of("reason", "Replaced by the county's new MOU"))
                    .ifMatch(etag("admin", PARTNERSHIP, path));
        });
        on(PARTNERSHIP, "POST", agreement + "/signatures", "for member A's own organisation",
                () -> Call.to(f.agreementPath(f.draftAgreement()) + "/signatures")
                        .body(signature(f.organisationMemberA)));
        on(PARTNERSHIP, "POST", agreement + "/signatures", "for another member's organisation (coordinator A's)",
                () -> Call.to(f.agreementPath(f.draftAgreement()) + "/signatures")
                        .body(signature(f.organisationCoordinatorA)));
        String b = "/partnerships/" + f.partnershipB;
        on(PARTNERSHIP, "GET", agreement, "A's draft addressed through B's path", () -> Call.to(b + "/agreements/" + f.draftAgreementA));
        on(PARTNERSHIP, "GET", agreement + "/versions", "", () -> Call.to(f.agreementPath(f.draftAgreementA) + "/versions"));

        String plans = "/partnerships/{partnershipId}/plans";
        String plan = plans + "/{planId}";
        String goal = plan + "/goals/{goalId}";
        on(PARTNERSHIP, "GET", plans, "", () -> Call.to(a + "/plans"));
        on(PARTNERSHIP, "POST", plans, "", () -> Call.to(a + "/plans").body(Map.of("title", "Access matrix plan")));
        on(PARTNERSHIP, "GET", plan, "", () -> Call.to(f.planA));
        on(PARTNERSHIP, "GET", plan, "A's plan addressed through B's path",
                () -> Call.to(b + "/plans/" + f.planA.substring(f.planA.lastIndexOf('/') + 1)));
        on(PARTNERSHIP, "PUT", plan, "a plan, fresh per caller", () -> {
            String path = f.plan();
            return Call.to(path).body(Map.of("title", "Access matrix plan, revised")).ifMatch(etag("admin", PARTNERSHIP, path));
        });
        on(PARTNERSHIP, "GET", "/partnerships/{partnershipId}/improvement/overdue", "the coordinators' view",
                () -> Call.to(a + "/improvement/overdue"));
        on(PARTNERSHIP, "GET", plan + "/goals", "", () -> Call.to(f.planA + "/goals"));
        on(PARTNERSHIP, "POST", plan + "/goals", "", () -> Call.to(f.planA + "/goals").body(f.goalBody(f.organisationMemberA)));
        on(PARTNERSHIP, "GET", goal, "", () -> Call.to(f.goalA));
        on(PARTNERSHIP, "PUT", goal, "a goal, fresh per caller", () -> {
            String path = f.goal(f.planA, f.organisationMemberA);
            return Call.to(path).body(f.goalBody(f.organisationCoordinatorA)).ifMatch(etag("admin", PARTNERSHIP, path));
        });
        on(PARTNERSHIP, "GET", goal + "/commitments", "", () -> Call.to(f.goalA + "/commitments"));
        on(PARTNERSHIP, "POST", goal + "/commitments", "member A's organisation commits to a fresh goal",
                () -> Call.to(f.goal(f.planA, f.organisationCoordinatorA) + "/commitments")
                        .body(Map.of("organisationId", f.organisationMemberA, "contribution", "Data by the 5th",
                                "dueOn", java.time.LocalDate.now().plusMonths(1).toString())));
        on(PARTNERSHIP, "POST", goal + "/commitments/{commitmentId}/signature", "member A's organisation's commitment, fresh per caller",
                () -> Call.to(f.commitment(f.goal(f.planA, f.organisationCoordinatorA), f.organisationMemberA))
                        .body(Map.of("signerName", "Paper signer")));
        on(PARTNERSHIP, "POST", goal + "/commitments/{commitmentId}/signature", "coordinator A's organisation's commitment, fresh per caller",
                () -> Call.to(f.commitment(f.goal(f.planA, f.organisationMemberA), f.organisationCoordinatorA))
                        .body(Map.of("signerName", "Paper signer")));
        on(PARTNERSHIP, "GET", plan + "/check-ins", "", () -> Call.to(f.planA + "/check-ins"));
        on(PARTNERSHIP, "POST", plan + "/check-ins", "on a goal member A's organisation owns, fresh plan per caller", () -> {
            String path = f.plan();
            String goalPath = f.goal(path, f.organisationMemberA);
            return Call.to(path + "/check-ins").body(Map.of("goals", List.of(Map.of("goalId",
                    goalPath.substring(goalPath.lastIndexOf('/') + 1), "status", "ON_TRACK", "note", "On track", "value", 50))));
        });
        on(PARTNERSHIP, "POST", plan + "/check-ins", "on a goal only coordinator A's organisation took on, fresh plan per caller", () -> {
            String path = f.plan();
            String goalPath = f.goal(path, f.organisationCoordinatorA);
            return Call.to(path + "/check-ins").body(Map.of("goals", List.of(Map.of("goalId",
                    goalPath.substring(goalPath.lastIndexOf('/') + 1), "status", "AT_RISK"))));
        });
        String measures = "/partnerships/{partnershipId}/measures";
        String measure = measures + "/{measureId}";
        on(PARTNERSHIP, "GET", measures, "", () -> Call.to(a + "/measures"));
        on(PARTNERSHIP, "POST", measures, "", () -> Call.to(a + "/measures").body(f.measureBody()));
        on(PARTNERSHIP, "GET", measure, "", () -> Call.to(f.measureA));
        on(PARTNERSHIP, "PUT", measure, "a measure, fresh per caller", () -> {
            String path = f.measure();
            return Call.to(path).body(f.measureBody()).ifMatch(etag("admin", PARTNERSHIP, path));
        });
        on(PARTNERSHIP, "GET", measure + "/values", "", () -> Call.to(f.measureA + "/values"));
        on(PARTNERSHIP, "POST", measure + "/values", "", () -> Call.to(f.measureA + "/values")
                .body(Map.of("value", 55, "observedOn", java.time.LocalDate.now().toString())));
        on(PARTNERSHIP, "GET", "/things-to-try", "the catalogue (seeds)", () -> Call.to("/things-to-try"));

        on(PARTNERSHIP, "GET", "/partnerships/{partnershipId}/audit", "the coordinators' view", () -> Call.to(a + "/audit"));
        on(PARTNERSHIP, "GET", "/partnerships/{partnershipId}/archive", "the coordinators' download (zip, audited)",
                () -> Call.to(a + "/archive").accept("application/zip"));
        on(PARTNERSHIP, "GET", "/partnerships/{partnershipId}/coverage", "", () -> Call.to(a + "/coverage"));

        String memberships = "/partnerships/{partnershipId}/memberships";
        on(PARTNERSHIP, "GET", memberships, "", () -> Call.to(a + "/memberships"));
        on(PARTNERSHIP, "POST", memberships, "a new organisation joins, fresh per caller", () -> Call.to(a + "/memberships")
                .body(Map.of("organisationId", f.newOrganisation("PHILANTHROPY"), "role", "MEMBER")));
        on(PARTNERSHIP, "GET", memberships + "/{membershipId}", "", () -> Call.to(a + "/memberships/" + f.membershipMemberA));
        on(PARTNERSHIP, "GET", memberships + "/{membershipId}", "A's membership addressed through B's path",
                () -> Call.to(b + "/memberships/" + f.membershipMemberA));
        on(PARTNERSHIP, "PUT", memberships + "/{membershipId}", "member A's organisation's membership", () -> {
            String path = a + "/memberships/" + f.membershipMemberA;
            JsonPath now = call("admin", PARTNERSHIP, "GET", path, null, null);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("role", now.getString("role"));
            body.put("joinedOn", now.getString("joinedOn"));
            body.put("contribution", "School-site family liaisons");
            return Call.to(path).body(body).ifMatch(etag("admin", PARTNERSHIP, path));
        });
        on(PARTNERSHIP, "DELETE", memberships + "/{membershipId}", "fresh per caller",
                () -> Call.to(a + "/memberships/" + f.join(f.partnershipA, f.newOrganisation("FAITH_BASED"), "MEMBER")));

        String roles = "/partnerships/{partnershipId}/roles";
        on(PARTNERSHIP, "GET", roles, "", () -> Call.to(a + "/roles"));
        on(PARTNERSHIP, "POST", roles, "a new person, fresh per caller",
                () -> Call.to(a + "/roles").body(Map.of("personId", f.newPerson(), "role", "MEMBER")));
        on(PARTNERSHIP, "DELETE", roles + "/{roleId}", "fresh per caller",
                () -> Call.to(a + "/roles/" + f.grant(f.partnershipA, f.newPerson(), "MEMBER")));
        on(PARTNERSHIP, "DELETE", roles + "/{roleId}", "a role in A addressed through B's path, fresh per caller",
                () -> Call.to(b + "/roles/" + f.grant(f.partnershipA, f.newPerson(), "MEMBER")));

        on(PARTNERSHIP, "GET", "/people", "people the caller shares a partnership with: B's people do not find member A",
                () -> Call.to("/people?size=100&search=" + Caller.MEMBER_A.user + "@example.org")
                        .check((caller, body) -> listed(body, f.personMemberA, caller != Caller.MEMBER_B && caller != Caller.COORDINATOR_B)));
        on(PARTNERSHIP, "GET", "/people", "people of A (partnershipId = A)", () -> Call.to("/people?partnershipId=" + f.partnershipA));
        on(PARTNERSHIP, "POST", "/people", "a person for A", () -> Call.to("/people").body(f.personBody()));
        on(PARTNERSHIP, "GET", "/people/{id}", "member A's entry", () -> Call.to("/people/" + f.personMemberA));
        on(PARTNERSHIP, "PUT", "/people/{id}", "member A's entry", () -> unchangedPerson(f.personMemberA));
        on(PARTNERSHIP, "PUT", "/people/{id}", "coordinator A's entry", () -> unchangedPerson(f.personCoordinatorA));
        on(PARTNERSHIP, "PUT", "/people/{id}/login", "member A's entry, to the login it has", () -> Call.to("/people/" + f.personMemberA
                + "/login").body(Map.of("subject", AccessFixtures.subjectOf(Caller.MEMBER_A.user), "reason", "access matrix: unchanged")));
    }

    /** Who signs is named: a coordinator recording another organisation's signature must say who signed it. */
    private static Map<String, Object> signature(String organisationId) {
        return Map.of("organisationId", organisationId, "signerName", "Pat Signer", "signerTitle", "Representative");
    }

    private static Call unchangedPerson(String id) {
        String path = "/people/" + id;
        JsonPath now = call("admin", PARTNERSHIP, "GET", path, null, null);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : new String[] {"name", "email", "organisationId"}) {
            body.put(field, now.getString(field));
        }
        return Call.to(path).body(body).ifMatch(etag("admin", PARTNERSHIP, path));
    }

    // ------------------------------------------------------------------------------------- assessment-service

    private void assessmentService() {
        on(ASSESSMENT, "GET", "/me", "", () -> Call.to("/me"));
        on(ASSESSMENT, "GET", "/me/rounds", "the caller's open rounds", () -> Call.to("/me/rounds"));
        on(ASSESSMENT, "POST", "/diagnostics/ping", "", () -> Call.to("/diagnostics/ping").body(Map.of()));

        String version = "/instruments/{key}/versions/{version}";
        String pai = "/instruments/" + PAI + "/versions/" + f.paiVersion;
        on(ASSESSMENT, "GET", "/instruments", "the catalogue", () -> Call.to("/instruments"));
        on(ASSESSMENT, "POST", "/instruments", "a new instrument", () -> Call.to("/instruments").body(f.newInstrumentDefinition()));
        on(ASSESSMENT, "POST", "/instruments/{key}/versions", "a published instrument, fresh per caller",
                () -> Call.to("/instruments/" + f.newPublishedInstrument() + "/versions"));
        on(ASSESSMENT, "GET", version, "a published version", () -> Call.to(pai));
        on(ASSESSMENT, "GET", version, "a draft version (the administrators' work in progress)",
                () -> Call.to("/instruments/" + f.draftInstrumentKey + "/versions/1"));
        on(ASSESSMENT, "PUT", version, "a draft version, fresh per caller", () -> {
            String path = "/instruments/" + f.newInstrument() + "/versions/1";
            // the draft's own definition sent back: a valid replacement, so access alone decides
            Map<String, Object> definition = call("admin", ASSESSMENT, "GET", path + "/definition", null, null).getMap("definition");
            return Call.to(path).body(definition).ifMatch(etag("admin", ASSESSMENT, path + "/definition"));
        });
        on(ASSESSMENT, "GET", version + "/definition", "a published version", () -> Call.to(pai + "/definition"));
        on(ASSESSMENT, "POST", version + "/publish", "a draft version, fresh per caller",
                () -> Call.to("/instruments/" + f.newInstrument() + "/versions/1/publish"));

        String rounds = "/partnerships/{partnershipId}/rounds";
        String round = rounds + "/{roundId}";
        String coordinator = Caller.COORDINATOR_A.user;
        on(ASSESSMENT, "GET", rounds, "drafts listed to coordinators only", () -> Call.to("/partnerships/" + f.partnershipA
                + "/rounds?size=100&status=DRAFT&sort=createdAt").check((caller, body) -> listed(body, f.draftRound, caller != Caller.MEMBER_A)));
        on(ASSESSMENT, "POST", rounds, "", () -> Call.to("/partnerships/" + f.partnershipA + "/rounds").body(f.roundBody()));
        on(ASSESSMENT, "GET", round, "an open round", () -> Call.to(f.roundPath(f.roundBothResponded)));
        on(ASSESSMENT, "GET", round, "A's open round addressed through B's path",
                () -> Call.to("/partnerships/" + f.partnershipB + "/rounds/" + f.roundBothResponded));
        on(ASSESSMENT, "GET", round, "a draft round (the coordinators' work in progress)", () -> Call.to(f.roundPath(f.draftRound)));
        on(ASSESSMENT, "PUT", round, "a draft round, fresh per caller", () -> {
            String path = f.roundPath(f.newRound());
            return Call.to(path).body(f.roundBody()).ifMatch(etag(coordinator, ASSESSMENT, path));
        });
        on(ASSESSMENT, "POST", round + "/open", "a draft round, fresh per caller", () -> {
            String path = f.roundPath(f.newRound());
            return Call.to(path + "/open").ifMatch(etag(coordinator, ASSESSMENT, path));
        });
        on(ASSESSMENT, "POST", round + "/close", "an open round, fresh per caller", () -> {
            String path = f.roundPath(f.newOpenRound());
            return Call.to(path + "/close").ifMatch(etag(coordinator, ASSESSMENT, path));
        });
        on(ASSESSMENT, "POST", round + "/reopen", "a closed round, fresh per caller", () -> {
            String path = f.roundPath(f.newClosedRound());
            return Call.to(path + "/reopen").body(Map.of("reason", "Two schools had a holiday week"))
                    .ifMatch(etag(coordinator, ASSESSMENT, path));
        });
        on(ASSESSMENT, "GET", round + "/participation", "who has responded: the coordinators' view",
                () -> Call.to(f.roundPath(f.roundBothResponded) + "/participation"));

        String response = "/rounds/{roundId}/response";
        on(ASSESSMENT, "PUT", response, "the caller's first answers to an open round",
                () -> Call.to("/rounds/" + f.roundToAnswer + "/response").body(f.answers));
        on(ASSESSMENT, "POST", response + "/submit", "the caller's saved answers",
                () -> Call.to("/rounds/" + f.roundToSubmit + "/response/submit"));
        on(ASSESSMENT, "POST", response + "/submission", "the caller's complete answers to an open round, in one request",
                () -> Call.to("/rounds/" + f.roundToSubmitInOne + "/response/submission").body(f.answers));
        on(ASSESSMENT, "GET", response, "the caller's own response (member A and coordinator A responded)",
                () -> Call.to("/rounds/" + f.roundBothResponded + "/response"));
        on(ASSESSMENT, "GET", response, "someone else's response (only member A responded)",
                () -> Call.to("/rounds/" + f.roundOnlyMemberA + "/response"));
    }

    // -------------------------------------------------------------------------------------- reporting-service

    private void reportingService() {
        String belowMinimum = "fewer respondents than the minimum: participation only";
        String report = "/rounds/" + f.roundBothResponded + "/report";
        on(REPORTING, "GET", "/me", "", () -> Call.to("/me"));
        on(REPORTING, "GET", "/diagnostics/pings/{id}", "a ping that has arrived", () -> Call.to("/diagnostics/pings/" + f.pingId));
        on(REPORTING, "GET", "/rounds/{roundId}/report", belowMinimum, () -> Call.to(report).check(AccessRequests::withholdsResults));
        on(REPORTING, "GET", "/rounds/{roundId}/report", "sector breakdown allowed, each sector's group of one suppressed",
                () -> Call.to("/rounds/" + f.roundSectorsOfOne + "/report").check(AccessRequests::suppressesGroupsOfOne));
        on(REPORTING, "GET", "/rounds/{roundId}/report.csv", belowMinimum,
                () -> Call.to(report + ".csv").accept("text/csv").check(AccessRequests::hasNoItemRows));
        on(REPORTING, "GET", "/rounds/{roundId}/report.html", "the page holds no data: its script fetches the report with the reader's token",
                () -> Call.to(report + ".html").accept("text/html"));
        on(REPORTING, "GET", "/rounds/{roundId}/report/network", "an open relationship round (no release yet: no organisations)",
                () -> Call.to("/rounds/" + f.relationshipRound + "/report/network"));
        on(REPORTING, "GET", "/rounds/{roundId}/report/network/map.svg", "an open relationship round",
                () -> Call.to("/rounds/" + f.relationshipRound + "/report/network/map.svg").accept("image/svg+xml"));
        on(REPORTING, "GET", "/rounds/{roundId}/live", "an open round",
                () -> Call.to("/rounds/" + f.roundToAnswer + "/live").accept("text/event-stream"));
        on(REPORTING, "GET", "/rounds/{roundId}/me", "the caller's own answers (member A and coordinator A responded)",
                () -> Call.to("/rounds/" + f.roundBothResponded + "/me"));
        on(REPORTING, "GET", "/rounds/{roundId}/me", "someone else's answers (only member A responded)",
                () -> Call.to("/rounds/" + f.roundOnlyMemberA + "/me"));
        on(REPORTING, "POST", "/rounds/{roundId}/releases", "a first release of a round two answered at a minimum of two, fresh per caller",
                () -> Call.to("/rounds/" + f.newRoundToRelease() + "/releases"));
        on(REPORTING, "GET", "/rounds/{roundId}/releases", "the releases of a released round",
                () -> Call.to("/rounds/" + f.roundSectorsOfOne + "/releases"));
        on(REPORTING, "GET", "/partnerships/{partnershipId}/trends", "",
                () -> Call.to("/partnerships/" + f.partnershipA + "/trends?instrumentKey=" + PAI));
        on(REPORTING, "GET", "/partnerships/{partnershipId}/comparison", "two rounds of A",
                () -> Call.to("/partnerships/" + f.partnershipA + "/comparison?from=" + f.roundOnlyMemberA + "&to=" + f.roundBothResponded));
        on(REPORTING, "GET", "/rounds/{roundId}/benchmark", "a released round of A, which does not contribute: nothing shown",
                () -> Call.to("/rounds/" + f.roundSectorsOfOne + "/benchmark").check((caller, body) ->
                        new JsonPath(body).getBoolean("available") ? "a benchmark shown to a partnership that does not contribute" : null));
        on(REPORTING, "GET", "/admin/benchmarks", "coverage: contributing partnerships per instrument version",
                () -> Call.to("/admin/benchmarks"));
        on(REPORTING, "POST", "/admin/rebuild", "run last: it replays every topic", () -> Call.to("/admin/rebuild"));
    }

    /** Whether a page's items include the id, as they must (or must not) for this caller. */
    private static String listed(String body, String id, boolean expected) {
        List<String> ids = new JsonPath(body).getList("items.id");
        if (ids.contains(id) == expected) {
            return null;
        }
        return expected ? id + " missing from the list" : id + " listed: it must stay hidden from this caller";
    }

    /** Below the minimum nothing is released: no release, no respondent, no item, section or reflection. */
    private static String withholdsResults(Caller caller, String body) {
        JsonPath report = new JsonPath(body);
        if (report.get("release") != null) {
            return "a release of two answers at a minimum of three";
        }
        if (!report.getBoolean("resultsWithheld")) {
            return "resultsWithheld is false";
        }
        for (String part : new String[] {"items", "sections", "reflections"}) {
            if (!report.getList(part).isEmpty()) {
                return part + " shown below the minimum";
            }
        }
        return report.getInt("participation.responded") == 0 ? null : "participation.responded is not 0";
    }

    /** Two respondents at a minimum of two: results shown, but no sector group (one person each) and no sector difference. */
    private static String suppressesGroupsOfOne(Caller caller, String body) {
        JsonPath report = new JsonPath(body);
        if (report.getBoolean("resultsWithheld") || report.getList("items").isEmpty()) {
            return "the results are withheld although two responded at a minimum of two";
        }
        if (!report.getList("participation.bySector").isEmpty()) {
            return "sector groups of one shown: " + report.getList("participation.bySector");
        }
        return report.getList("sectorDifferences").isEmpty() ? null : "sector differences shown from groups of one";
    }

    private static String hasNoItemRows(Caller caller, String body) {
        long rows = body.lines().filter(line -> !line.isBlank()).count();
        return rows == 1 ? null : (rows - 1) + " item rows below the minimum";
    }
}
