package org.partnershippulse.partnership.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.partnershippulse.partnership.Fixtures.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.partnership.Fixtures;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

/** Issue 12's attacks on identity and tenants, played across identities (contracts/privacy.md §1, §2). */
@QuarkusTest
class IdentityAndTenantsTest {

    // ------------------------------------------------------------------------------------------------- identity

    @Test
    void noRequestSetsALoginSubject() {
        Fixtures.World world = Fixtures.world("Subject field");
        Map<String, Object> body = new HashMap<>(Map.of("name", "Carrier", "email", unique("carrier"),
                "partnershipId", world.partnershipId().toString(), "subject", world.member().subject()));
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).body(body).post("/people")
                .then().statusCode(400).body("violations[0].field", equalTo("subject"));
        Map<String, Object> update = personBody(world.member(), world.memberOrganisation());
        update.put("subject", TestUser.fresh("attacker").subject());
        put(TestUser.ADMIN, "/people/" + world.memberPersonId(), update)
                .statusCode(400).body("violations[0].field", equalTo("subject"));
    }

    @Test
    void onlyThePersonAndTheAdministratorSeeTheLoginSubject() {
        Fixtures.World world = Fixtures.world("Subjects");
        String path = "/people/" + world.memberPersonId();
        given().auth().oauth2(token(world.member())).get(path).then().statusCode(200)
                .body("subject", equalTo(world.member().subject())).body("linked", equalTo(true));
        given().auth().oauth2(token(TestUser.ADMIN)).get(path).then().statusCode(200)
                .body("subject", equalTo(world.member().subject()));
        given().auth().oauth2(token(world.coordinator())).get(path).then().statusCode(200)
                .body("subject", nullValue()).body("linked", equalTo(true));
        given().auth().oauth2(token(world.coordinator())).get("/people?partnershipId=" + world.partnershipId()).then().statusCode(200)
                .body("items.subject", not(hasItem(world.member().subject())))
                .body("items.linked", everyItem(equalTo(true)));
    }

    @Test
    void anUnverifiedEmailLinksNobodyAndTheOldestEntryOfAVerifiedOneIsLinked() {
        UUID first = Fixtures.partnership("First to add");
        UUID second = Fixtures.partnership("Second to add");
        TestUser newcomer = TestUser.fresh("twice");
        String older = addPerson(TestUser.ADMIN, first, "Newcomer", newcomer.email()).statusCode(201).extract().path("id");
        String newer = addPerson(TestUser.ADMIN, second, "Newcomer", newcomer.email()).statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.unverified(newcomer)).get("/me").then().statusCode(200).body("person", nullValue());
        given().auth().oauth2(token(TestUser.ADMIN)).get("/people/" + older).then().body("linked", equalTo(false));

        given().auth().oauth2(token(newcomer)).get("/me").then().statusCode(200).body("person.id", equalTo(older));
        given().auth().oauth2(token(TestUser.ADMIN)).get("/people/" + newer).then().body("linked", equalTo(false));
    }

    @Test
    void onlyThePlatformAdministratorReLinksAPersonWithAReasonRecordedInEveryPartnership() {
        Fixtures.World world = Fixtures.world("Relink");
        Fixtures.World other = Fixtures.world("Relink other");
        UUID shared = world.memberPersonId();
        Fixtures.grant(other.partnershipId(), shared, "MEMBER");
        String login = "/people/" + shared + "/login";
        TestUser replacement = TestUser.fresh("replacement");
        Map<String, Object> relink = Map.of("subject", replacement.subject(), "reason", "Support ticket 4711: account replaced");

        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).body(relink).put(login)
                .then().statusCode(403);
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("subject", TestUser.ADMIN.subject(), "reason", "mine")).put(login).then().statusCode(409);
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("subject", world.coordinator().subject(), "reason", "taken")).put(login).then().statusCode(409);
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("subject", replacement.subject(), "reason", " ")).put(login)
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));

        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON).body(relink).put(login)
                .then().statusCode(200).body("subject", equalTo(replacement.subject()));
        given().auth().oauth2(token(replacement)).get("/me").then().body("person.id", equalTo(shared.toString()));
        given().auth().oauth2(token(world.member())).get("/me").then().body("person", nullValue());
        for (Fixtures.World w : new Fixtures.World[] {world, other}) {
            given().auth().oauth2(token(w.coordinator())).get("/partnerships/{id}/audit?size=100", w.partnershipId())
                    .then().statusCode(200).body("items.summary", hasItem(containsString("Support ticket 4711")));
        }
    }

    // -------------------------------------------------------------------------------------------------- tenants

    @Test
    void aCoordinatorCannotTakeAnotherPartnershipsPersonNorLearnTheyExist() {
        Fixtures.World a = Fixtures.world("Tenant A");
        Fixtures.World b = Fixtures.world("Tenant B");
        String foreign = given().auth().oauth2(token(b.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("personId", a.memberPersonId(), "role", "MEMBER")).post("/partnerships/{id}/roles", b.partnershipId())
                .then().statusCode(400).body("violations[0].field", equalTo("personId")).extract().asString();
        String missing = given().auth().oauth2(token(b.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("personId", UUID.randomUUID(), "role", "MEMBER")).post("/partnerships/{id}/roles", b.partnershipId())
                .then().statusCode(400).extract().path("violations[0].message");
        org.junit.jupiter.api.Assertions.assertTrue(foreign.contains(missing), "the same message for a foreign and a missing person");
        put(b.coordinator(), "/people/" + a.memberPersonId(), personBody(a.member(), a.memberOrganisation())).statusCode(404);

        // A person B added for itself, not yet holding a role, may be given one.
        String own = addPerson(b.coordinator(), b.partnershipId(), "Own Person", unique("own")).statusCode(201).extract().path("id");
        given().auth().oauth2(token(b.coordinator())).get("/people/" + own).then().statusCode(200);
        given().auth().oauth2(token(b.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("personId", own, "role", "MEMBER")).post("/partnerships/{id}/roles", b.partnershipId())
                .then().statusCode(201);
    }

    @Test
    void aSharedPersonIsChangedOnlyByACoordinatorOfEveryPartnershipAndEachAuditShowsIt() {
        Fixtures.World a = Fixtures.world("Shared person A");
        Fixtures.World b = Fixtures.world("Shared person B");
        UUID shared = a.memberPersonId();
        Fixtures.grant(b.partnershipId(), shared, "MEMBER");
        String path = "/people/" + shared;
        Map<String, Object> renamed = personBody(a.member(), a.memberOrganisation());
        renamed.put("name", "Renamed by B");
        put(b.coordinator(), path, renamed).statusCode(403);
        Map<String, Object> moved = personBody(a.member(), b.coordinatorOrganisation());
        put(b.coordinator(), path, moved).statusCode(403);

        // The coordinator of A becomes coordinator of B as well: now entitled in both.
        UUID coordinatorOfA = UUID.fromString(given().auth().oauth2(token(a.coordinator())).get("/me").then().extract().path("person.id"));
        Fixtures.grant(b.partnershipId(), coordinatorOfA, "COORDINATOR");
        renamed.put("name", "Renamed by both");
        put(a.coordinator(), path, renamed).statusCode(200).body("name", equalTo("Renamed by both"));
        for (Fixtures.World w : new Fixtures.World[] {a, b}) {
            given().auth().oauth2(token(w.coordinator())).get("/partnerships/{id}/audit?size=100", w.partnershipId())
                    .then().statusCode(200).body("items.findAll { it.entityId == '" + shared + "' }.summary",
                            hasItem(containsString("Renamed by both")));
        }
    }

    @Test
    void aPersonChangesTheirOwnNameButNotTheirOrganisationOrEmail() {
        Fixtures.World world = Fixtures.world("Self edit");
        String path = "/people/" + world.memberPersonId();
        Map<String, Object> body = personBody(world.member(), world.coordinatorOrganisation());
        put(world.member(), path, body).statusCode(403).body("violations[0].field", equalTo("organisationId"));
        body = personBody(world.member(), world.memberOrganisation());
        body.put("email", unique("elsewhere"));
        put(world.member(), path, body).statusCode(403).body("violations[0].field", equalTo("email"));
        body = personBody(world.member(), world.memberOrganisation());
        body.put("name", "My Preferred Name");
        put(world.member(), path, body).statusCode(200).body("name", equalTo("My Preferred Name"))
                .body("organisationId", equalTo(world.memberOrganisation().toString()));
    }

    @Test
    void aSharedOrganisationIsChangedOnlyByACoordinatorOfEveryPartnershipAndEachAuditShowsIt() {
        Fixtures.World a = Fixtures.world("Shared org A");
        Fixtures.World b = Fixtures.world("Shared org B");
        UUID organisation = a.memberOrganisation();
        // Coordinator B adds A's organisation to B: that does not let B change it behind A's back.
        given().auth().oauth2(token(b.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("organisationId", organisation, "role", "MEMBER"))
                .post("/partnerships/{id}/memberships", b.partnershipId()).then().statusCode(201);
        putOrganisation(b.coordinator(), organisation, Fixtures.unique("Renamed by B")).statusCode(403);
        putOrganisation(a.coordinator(), organisation, Fixtures.unique("Renamed by A")).statusCode(403);
        String name = Fixtures.unique("Renamed by the administrator");
        putOrganisation(TestUser.ADMIN, organisation, name).statusCode(200);
        for (Fixtures.World w : new Fixtures.World[] {a, b}) {
            given().auth().oauth2(token(w.coordinator())).get("/partnerships/{id}/audit?size=100", w.partnershipId())
                    .then().statusCode(200).body("items.summary", hasItem(containsString(name)));
        }
    }

    @Test
    void anOrganisationAddedForAPartnershipIsItsCoordinatorsToChange() {
        Fixtures.World world = Fixtures.world("Own org");
        Fixtures.World other = Fixtures.world("Not theirs");
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("Foreign"), "sector", "HOUSING", "partnershipId", other.partnershipId()))
                .post("/organisations").then().statusCode(404);
        String id = given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("Own"), "sector", "HOUSING", "partnershipId", world.partnershipId()))
                .post("/organisations").then().statusCode(201).extract().path("id");
        putOrganisation(world.coordinator(), UUID.fromString(id), Fixtures.unique("Own renamed")).statusCode(200);
        putOrganisation(other.coordinator(), UUID.fromString(id), Fixtures.unique("Taken")).statusCode(403);
    }

    @Test
    void coordinatorsAddPeopleForAPartnershipTheyCoordinateAndEmailsClashOnlyWithin() {
        Fixtures.World a = Fixtures.world("Emails A");
        Fixtures.World b = Fixtures.world("Emails B");
        String email = unique("someone");
        given().auth().oauth2(token(a.coordinator())).contentType(ContentType.JSON).body(Map.of("name", "No Partnership", "email", email))
                .post("/people").then().statusCode(400).body("violations[0].field", equalTo("partnershipId"));
        addPerson(a.coordinator(), b.partnershipId(), "Wrong Partnership", email).statusCode(404);
        addPerson(a.member(), a.partnershipId(), "Not A Coordinator", email).statusCode(403);
        addPerson(a.coordinator(), a.partnershipId(), "Someone", email).statusCode(201);
        addPerson(a.coordinator(), a.partnershipId(), "Someone Again", email.toUpperCase())
                .statusCode(409).body("violations[0].field", equalTo("email"));
        // The same address in B is no clash: nothing tells B that A has it.
        addPerson(b.coordinator(), b.partnershipId(), "Someone", email).statusCode(201)
                .body("roles", org.hamcrest.Matchers.empty());
    }

    @Test
    void listsShowNoRolesInPartnershipsTheCallerCannotSee() {
        Fixtures.World a = Fixtures.world("Roles A");
        Fixtures.World b = Fixtures.world("Roles B");
        Fixtures.grant(b.partnershipId(), a.memberPersonId(), "MEMBER");
        given().auth().oauth2(token(b.member())).get("/people?size=100").then().statusCode(200)
                .body("items.roles.flatten().partnershipId", hasItem(b.partnershipId().toString()))
                .body("items.roles.flatten().partnershipId", not(hasItem(a.partnershipId().toString())));
        given().auth().oauth2(token(b.coordinator())).get("/people/" + a.memberPersonId()).then().statusCode(200)
                .body("roles.partnershipId", not(hasItem(a.partnershipId().toString())))
                .body("subject", nullValue());
        given().auth().oauth2(token(a.member())).get("/people/" + a.memberPersonId()).then().statusCode(200)
                .body("roles.partnershipId", hasItem(b.partnershipId().toString()));
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static Map<String, Object> personBody(TestUser user, UUID organisationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", user.name());
        body.put("email", user.email());
        body.put("organisationId", organisationId.toString());
        return body;
    }

    private static ValidatableResponse addPerson(TestUser caller, UUID partnershipId, String name, String email) {
        return given().auth().oauth2(token(caller)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", email, "partnershipId", partnershipId.toString())).post("/people").then();
    }

    private static ValidatableResponse put(TestUser caller, String path, Map<String, Object> body) {
        String etag = given().auth().oauth2(token(TestUser.ADMIN)).get(path).then().extract().header("ETag");
        return given().auth().oauth2(token(caller)).contentType(ContentType.JSON).header("If-Match", etag).body(body).put(path).then();
    }

    private static ValidatableResponse putOrganisation(TestUser caller, UUID organisationId, String name) {
        return put(caller, "/organisations/" + organisationId, new HashMap<>(Map.of("name", name, "sector", "EDUCATION")));
    }
}
