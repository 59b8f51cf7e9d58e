package org.partnershippulse.system.access;

import static org.awaitility.Awaitility.await;
import static org.partnershippulse.system.support.RunningSystem.as;
import static org.partnershippulse.systemkit.PulseService.ASSESSMENT;
import static org.partnershippulse.systemkit.PulseService.PARTNERSHIP;
import static org.partnershippulse.systemkit.PulseService.REPORTING;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.partnershippulse.system.access.AccessMatrix.Caller;
import org.partnershippulse.system.support.ContractFilter;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.ContractConformance;
import org.partnershippulse.systemkit.PulseService;

/**
 * What the access matrix's rows address, built through the public API as the real callers would: partnership A
 * (coordinator rivera, member okafor) and B (coordinator chen, member nguyen), each person linked to their Keycloak
 * login and working for a member organisation; rounds of A answered by its people; a ping. Everything is new per
 * run (names carry a run tag) except the people, who are found by their login and moved to this run's organisations.
 */
final class AccessFixtures {

    static final String PAI = "bcr-partnership-assessment-inventory";
    private static final Duration EVENTS = Duration.ofSeconds(60);

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    String partnershipA;
    Map<String, Object> partnershipABody;
    String partnershipB;
    String organisationCoordinatorA;
    String organisationMemberA;
    String personMemberA;
    String personCoordinatorA;
    String membershipMemberA;
    String draftAgreementA;
    /** Improvement plan of A with a goal member A's organisation owns, a measure and a commitment. */
    String planA;
    String goalA;
    String measureA;

    int paiVersion;
    Map<String, Object> answers;
    String draftInstrumentKey;
    String draftRound;
    /** Open; member A and coordinator A submitted: fewer than the minimum of 3, so it is never released (no results). */
    String roundBothResponded;
    /**
     * Open, minimum group size 2, sector breakdown allowed; member A and coordinator A (two sectors) submitted: the
     * results are shown, each sector's group of one is suppressed.
     */
    String roundSectorsOfOne;
    /** Open; only member A submitted. */
    String roundOnlyMemberA;
    /** Open; nobody has answered yet. */
    String roundToAnswer;
    /** Open; member A and coordinator A saved drafts and have not submitted. */
    String roundToSubmit;
    /** An open round nobody answered yet: member A and coordinator A save and submit in one request. */
    String roundToSubmitInOne;
    /** An open relationship round of A, member A and coordinator A designated for their organisations. */
    String relationshipRound;
    String pingId;

    /** The suite's contract check, which sees the set-up's answers too (static like the calls that use it). */
    private static ContractConformance contracts;

    static AccessFixtures build(ContractConformance contractCheck) {
        contracts = contractCheck;
        AccessFixtures f = new AccessFixtures();
        f.partnerships();
        f.assessments();
        f.reportingHasCaughtUp();
        return f;
    }

    // ------------------------------------------------------------------------------------ partnership-service

    private void partnerships() {
        organisationCoordinatorA = newOrganisation("CHILD_WELFARE");
        organisationMemberA = newOrganisation("EDUCATION");
        String organisationCoordinatorB = newOrganisation("HOUSING");
        String organisationMemberB = newOrganisation("HEALTH_CARE");

        partnershipABody = partnershipBody("A");
        partnershipA = call("admin", PARTNERSHIP, "POST", "/partnerships", partnershipABody, null).getString("id");
        partnershipB = call("admin", PARTNERSHIP, "POST", "/partnerships", partnershipBody("B"), null).getString("id");

        personCoordinatorA = person(Caller.COORDINATOR_A.user, organisationCoordinatorA);
        personMemberA = person(Caller.MEMBER_A.user, organisationMemberA);
        String personCoordinatorB = person(Caller.COORDINATOR_B.user, organisationCoordinatorB);
        String personMemberB = person(Caller.MEMBER_B.user, organisationMemberB);

        join(partnershipA, organisationCoordinatorA, "BACKBONE_LEAD");
        membershipMemberA = join(partnershipA, organisationMemberA, "MEMBER");
        join(partnershipB, organisationCoordinatorB, "BACKBONE_LEAD");
        join(partnershipB, organisationMemberB, "MEMBER");
        grant(partnershipA, personCoordinatorA, "COORDINATOR");
        grant(partnershipA, personMemberA, "MEMBER");
        grant(partnershipB, personCoordinatorB, "COORDINATOR");
        grant(partnershipB, personMemberB, "MEMBER");

        draftAgreementA = draftAgreement();
        planA = plan();
        goalA = goal(planA, organisationMemberA);
        measureA = measure();
    }

    /** A fresh improvement plan of A (monthly check-ins from today); returns its path. */
    String plan() {
        String id = call(Caller.COORDINATOR_A.user, PARTNERSHIP, "POST", "/partnerships/" + partnershipA + "/plans",
                Map.of("title", "Access matrix plan " + tag), null).getString("id");
        return "/partnerships/" + partnershipA + "/plans/" + id;
    }

    Map<String, Object> goalBody(String ownerOrganisation) {
        return Map.of("what", "Members share referral data monthly", "measure", "Share of members sending data", "target", 90,
                "ownerOrganisationId", ownerOrganisation, "ownerPersonId", personMemberA,
                "dueOn", java.time.LocalDate.now().plusMonths(6).toString(),
                "findings", List.of(Map.of("roundId", UUID.randomUUID().toString(), "kind", "ITEM", "key", "trust-3")),
                "thingToTry", Map.of("key", "bcr/roles-responsibilities"));
    }

    /** A goal of the plan owned by the organisation; returns its path. */
    String goal(String planPath, String ownerOrganisation) {
        return planPath + "/goals/" + call(Caller.COORDINATOR_A.user, PARTNERSHIP, "POST", planPath + "/goals",
                goalBody(ownerOrganisation), null).getString("id");
    }

    /** A commitment of the organisation to the goal, not yet signed; returns its signature path. */
    String commitment(String goalPath, String organisation) {
        return goalPath + "/commitments/" + call(Caller.COORDINATOR_A.user, PARTNERSHIP, "POST", goalPath + "/commitments",
                Map.of("organisationId", organisation, "contribution", "Host the data talk",
                        "dueOn", java.time.LocalDate.now().plusMonths(2).toString()), null).getString("id") + "/signature";
    }

    Map<String, Object> measureBody() {
        return Map.of("name", "Access matrix measure " + tag + " " + UUID.randomUUID().toString().substring(0, 8), "kind", "PROCESS",
                "unit", "%", "baseline", 40, "target", 90, "direction", "HIGHER_IS_BETTER");
    }

    /** A fresh common measure of A; returns its path. */
    String measure() {
        return "/partnerships/" + partnershipA + "/measures/"
                + call(Caller.COORDINATOR_A.user, PARTNERSHIP, "POST", "/partnerships/" + partnershipA + "/measures", measureBody(), null)
                .getString("id");
    }

    Map<String, Object> partnershipBody(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Access matrix " + name + " " + tag + " " + UUID.randomUUID().toString().substring(0, 4));
        body.put("geographyType", "COUNTY");
        body.put("geographyName", "Ventura County");
        body.put("structure", "STEERING_COMMITTEE");
        body.put("status", "ACTIVE");
        return body;
    }

    /** A partnership like A, for an action that ends it: coordinator A coordinates, member A is a member. */
    String newPartnershipLikeA() {
        String id = call("admin", PARTNERSHIP, "POST", "/partnerships", partnershipBody("A copy"), null).getString("id");
        grant(id, personCoordinatorA, "COORDINATOR");
        grant(id, personMemberA, "MEMBER");
        return id;
    }

    /** A partnership nobody holds a role in yet: one created by mistake. */
    String newEmptyPartnership() {
        return call("admin", PARTNERSHIP, "POST", "/partnerships", partnershipBody("mistake"), null).getString("id");
    }

    Map<String, Object> organisationBody(String sector) {
        return Map.of("name", "Access matrix organisation " + tag + " " + UUID.randomUUID().toString().substring(0, 8),
                "type", "Nonprofit", "sector", sector);
    }

    String newOrganisation(String sector) {
        return call("admin", PARTNERSHIP, "POST", "/organisations", organisationBody(sector), null).getString("id");
    }

    /** A new person for partnership A (roles go only to people the partnership has). */
    Map<String, Object> personBody() {
        String name = "Access matrix person " + tag + " " + UUID.randomUUID().toString().substring(0, 8);
        return Map.of("name", name, "email", name.replace(' ', '.').toLowerCase() + "@example.org", "partnershipId", partnershipA);
    }

    String newPerson() {
        return call("admin", PARTNERSHIP, "POST", "/people", personBody(), null).getString("id");
    }

    /**
     * The realm user's person entry, linked to their login and working for the organisation: the one an earlier run
     * linked (a login has one entry), else added by e-mail and linked as Keycloak's users are, by the user's sign-in
     * with that (verified) e-mail.
     */
    private String person(String user, String organisationId) {
        String email = user + "@example.org";
        Map<String, Object> body = Map.of("name", user.substring(0, 1).toUpperCase() + user.substring(1), "email", email,
                "organisationId", organisationId);
        String id = call(user, PARTNERSHIP, "GET", "/me", null, null).getString("person.id");
        if (id == null) {
            call("admin", PARTNERSHIP, "POST", "/people", body, null);
            id = call(user, PARTNERSHIP, "GET", "/me", null, null).getString("person.id");
            if (id == null) {
                throw new IllegalStateException("setting up the access matrix: " + user + " was not linked on sign-in");
            }
        }
        call("admin", PARTNERSHIP, "PUT", "/people/" + id, body, etag("admin", PARTNERSHIP, "/people/" + id));
        return id;
    }

    String join(String partnershipId, String organisationId, String role) {
        return call("admin", PARTNERSHIP, "POST", "/partnerships/" + partnershipId + "/memberships",
                Map.of("organisationId", organisationId, "role", role), null).getString("id");
    }

    String grant(String partnershipId, String personId, String role) {
        return call("admin", PARTNERSHIP, "POST", "/partnerships/" + partnershipId + "/roles",
                Map.of("personId", personId, "role", role), null).getString("id");
    }

    String draftAgreement() {
        return call(Caller.COORDINATOR_A.user, PARTNERSHIP, "POST", "/partnerships/" + partnershipA + "/agreements",
                Map.of("title", "Access matrix MOU " + tag), null).getString("id");
    }

    String activeAgreement() {
        String id = draftAgreement();
        String path = agreementPath(id);
        call(Caller.COORDINATOR_A.user, PARTNERSHIP, "POST", path + "/activate", null, etag("admin", PARTNERSHIP, path));
        return id;
    }

    String agreementPath(String agreementId) {
        return "/partnerships/" + partnershipA + "/agreements/" + agreementId;
    }

    // ------------------------------------------------------------------------------------- assessment-service

    private void assessments() {
        awaitOk("assessment-service knows member A's role in A", Caller.MEMBER_A.user, ASSESSMENT, "/partnerships/" + partnershipA + "/rounds");
        awaitOk("assessment-service knows member B's role in B", Caller.MEMBER_B.user, ASSESSMENT, "/partnerships/" + partnershipB + "/rounds");

        List<Map<String, Object>> versions = call("admin", ASSESSMENT, "GET", "/instruments?size=100&key=" + PAI, null, null).getList("items");
        paiVersion = versions.stream().filter(v -> "PUBLISHED".equals(v.get("status")))
                .mapToInt(v -> ((Number) v.get("version")).intValue()).max().orElseThrow();
        answers = answersToEveryRatedItem();
        draftInstrumentKey = newInstrument();

        draftRound = newRound();
        roundBothResponded = newOpenRound();
        roundOnlyMemberA = newOpenRound();
        roundToAnswer = newOpenRound();
        roundToSubmit = newOpenRound();
        roundToSubmitInOne = newOpenRound();
        Map<String, Object> relationship = new LinkedHashMap<>(roundBody());
        relationship.put("instrumentKey", "partner-relationships");
        relationship.put("instrumentVersion", 1);
        relationship.put("audience", Map.of("type", "PEOPLE", "personIds", List.of(personMemberA, personCoordinatorA)));
        relationshipRound = open(call(Caller.COORDINATOR_A.user, ASSESSMENT, "POST", "/partnerships/" + partnershipA + "/rounds",
                relationship, null).getString("id"));
        Map<String, Object> sectorsOfOne = new LinkedHashMap<>(roundBody());
        sectorsOfOne.put("minimumGroupSize", 2);
        sectorsOfOne.put("allowedBreakdowns", List.of("SECTOR"));
        roundSectorsOfOne = open(call(Caller.COORDINATOR_A.user, ASSESSMENT, "POST", "/partnerships/" + partnershipA + "/rounds",
                sectorsOfOne, null).getString("id"));
        for (String user : List.of(Caller.MEMBER_A.user, Caller.COORDINATOR_A.user)) {
            saveAnswers(user, roundBothResponded);
            submit(user, roundBothResponded);
            saveAnswers(user, roundSectorsOfOne);
            submit(user, roundSectorsOfOne);
            saveAnswers(user, roundToSubmit);
        }
        saveAnswers(Caller.MEMBER_A.user, roundOnlyMemberA);
        submit(Caller.MEMBER_A.user, roundOnlyMemberA);

        pingId = call("admin", ASSESSMENT, "POST", "/diagnostics/ping", Map.of(), null).getString("id");
    }

    private Map<String, Object> answersToEveryRatedItem() {
        JsonPath instrument = call(Caller.COORDINATOR_A.user, ASSESSMENT, "GET", "/instruments/" + PAI + "/versions/" + paiVersion, null, null);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map<String, Object> section : instrument.<Map<String, Object>>getList("sections")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) section.get("items");
            items.stream().filter(i -> "pai-status".equals(i.get("scale")))
                    .forEach(i -> values.put((String) i.get("key"), Map.of("value", "CURRENTLY_EXISTS")));
        }
        return Map.of("language", "en", "answers", values);
    }

    /** The published PAI's definition under a new key: a valid instrument an administrator could author. */
    Map<String, Object> newInstrumentDefinition() {
        Map<String, Object> definition = new LinkedHashMap<>(call("admin", ASSESSMENT, "GET",
                "/instruments/" + PAI + "/versions/" + paiVersion + "/definition", null, null).getMap("definition"));
        definition.put("key", "access-matrix-" + UUID.randomUUID().toString().substring(0, 13));
        return definition;
    }

    /** A new instrument: its version 1 is a draft. */
    String newInstrument() {
        return call("admin", ASSESSMENT, "POST", "/instruments", newInstrumentDefinition(), null).getString("key");
    }

    String newPublishedInstrument() {
        String key = newInstrument();
        call("admin", ASSESSMENT, "POST", "/instruments/" + key + "/versions/1/publish", null, null);
        return key;
    }

    Map<String, Object> roundBody() {
        return Map.of("instrumentKey", PAI, "instrumentVersion", paiVersion, "title", "Access matrix round " + tag,
                "closesAt", Instant.now().plus(21, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    String newRound() {
        return call(Caller.COORDINATOR_A.user, ASSESSMENT, "POST", "/partnerships/" + partnershipA + "/rounds", roundBody(), null)
                .getString("id");
    }

    String roundPath(String roundId) {
        return "/partnerships/" + partnershipA + "/rounds/" + roundId;
    }

    String newOpenRound() {
        return open(newRound());
    }

    private String open(String id) {
        call(Caller.COORDINATOR_A.user, ASSESSMENT, "POST", roundPath(id) + "/open", null, etag(Caller.COORDINATOR_A.user, ASSESSMENT, roundPath(id)));
        return id;
    }

    /**
     * A round at a minimum of two that member A and coordinator A answered, once reporting-service has both answers:
     * a first release of it may be cut (two changed, the minimum).
     */
    String newRoundToRelease() {
        Map<String, Object> body = new LinkedHashMap<>(roundBody());
        body.put("minimumGroupSize", 2);
        String id = open(call(Caller.COORDINATOR_A.user, ASSESSMENT, "POST", "/partnerships/" + partnershipA + "/rounds", body, null)
                .getString("id"));
        for (String user : List.of(Caller.MEMBER_A.user, Caller.COORDINATOR_A.user)) {
            saveAnswers(user, id);
            submit(user, id);
        }
        for (String user : List.of(Caller.MEMBER_A.user, Caller.COORDINATOR_A.user)) {
            awaitOk("reporting-service has " + user + "'s answers to round " + id, user, REPORTING, "/rounds/" + id + "/me");
        }
        return id;
    }

    String newClosedRound() {
        String id = newOpenRound();
        call(Caller.COORDINATOR_A.user, ASSESSMENT, "POST", roundPath(id) + "/close", null, etag(Caller.COORDINATOR_A.user, ASSESSMENT, roundPath(id)));
        return id;
    }

    void saveAnswers(String user, String roundId) {
        call(user, ASSESSMENT, "PUT", "/rounds/" + roundId + "/response", answers, null);
    }

    private void submit(String user, String roundId) {
        call(user, ASSESSMENT, "POST", "/rounds/" + roundId + "/response/submit", null, null);
    }

    // -------------------------------------------------------------------------------------- reporting-service

    /** The partnership and assessment events reach reporting-service through Kafka. */
    private void reportingHasCaughtUp() {
        for (String user : List.of(Caller.MEMBER_A.user, Caller.COORDINATOR_A.user)) {
            for (String round : List.of(roundBothResponded, roundSectorsOfOne)) {
                awaitOk("reporting-service has " + user + "'s answers to round " + round, user, REPORTING, "/rounds/" + round + "/me");
            }
        }
        // Results change only in releases: the round whose sector groups of one are suppressed gets its first one.
        call(Caller.COORDINATOR_A.user, REPORTING, "POST", "/rounds/" + roundSectorsOfOne + "/releases", null, null);
        awaitOk("reporting-service has member A's answers to the round only she answered", Caller.MEMBER_A.user, REPORTING,
                "/rounds/" + roundOnlyMemberA + "/me");
        awaitOk("reporting-service knows member A reads A's reports", Caller.MEMBER_A.user, REPORTING, "/rounds/" + roundToAnswer + "/report");
        awaitOk("the ping reached reporting-service", "admin", REPORTING, "/diagnostics/pings/" + pingId);
    }

    // ------------------------------------------------------------------------------------------------ calls

    /** A call that must succeed (it builds what the rows address); its JSON body, or an empty one. */
    static JsonPath call(String user, PulseService service, String method, String path, Object body, String ifMatch) {
        // without a body REST Assured would send a form content type, which the services refuse (415)
        RequestSpecification request = checked(user, service).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        Response response = request.request(method, path);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("setting up the access matrix: " + method + " " + path + " as " + user + " -> "
                    + response.statusCode() + " " + response.asString());
        }
        String text = response.asString();
        return new JsonPath(text == null || text.isBlank() ? "{}" : text);
    }

    static String etag(String user, PulseService service, String path) {
        Response response = checked(user, service).get(path);
        if (response.statusCode() != 200 || response.header("ETag") == null) {
            throw new IllegalStateException("setting up the access matrix: no ETag for " + path + " as " + user + " -> "
                    + response.statusCode() + " " + response.asString());
        }
        return response.header("ETag");
    }

    private static void awaitOk(String what, String user, PulseService service, String path) {
        Callable<Boolean> ok = () -> checked(user, service).get(path).statusCode() == 200;
        await(what).atMost(EVENTS).pollInterval(Duration.ofMillis(300)).until(ok);
    }

    private static RequestSpecification checked(String user, PulseService service) {
        return as(user, service).filter(new ContractFilter(contracts));
    }

    /** The subject (Keycloak user id) of a realm user, from their token. */
    static String subjectOf(String user) {
        String payload = RunningSystem.keycloak().token(user).split("\\.")[1];
        return new JsonPath(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).getString("sub");
    }
}
