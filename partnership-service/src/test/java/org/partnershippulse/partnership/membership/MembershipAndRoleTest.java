package org.partnershippulse.partnership.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.partnershippulse.partnership.Fixtures.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.partnership.Fixtures;
import org.partnershippulse.testkit.TestUser;

@QuarkusTest
class MembershipAndRoleTest {

    @Test
    void coordinatorAddsAndEndsAMembershipKeepingHistory() {
        Fixtures.World world = Fixtures.world("Members");
        UUID faith = Fixtures.organisation("First Church", "FAITH_BASED");
        String id = given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("organisationId", faith, "role", "ADVISORY", "contribution", "Meeting space and volunteers"))
                .when().post("/partnerships/{id}/memberships", world.partnershipId())
                .then().statusCode(201).body("sector", equalTo("FAITH_BASED")).body("active", equalTo(true))
                .extract().path("id");

        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("organisationId", faith, "role", "MEMBER"))
                .when().post("/partnerships/{id}/memberships", world.partnershipId())
                .then().statusCode(409).body("violations[0].field", equalTo("organisationId"));

        given().auth().oauth2(token(world.coordinator())).queryParam("leftOn", "2020-01-01")
                .when().delete("/partnerships/{p}/memberships/{m}", world.partnershipId(), id)
                .then().statusCode(400).body("violations[0].field", equalTo("leftOn"));
        given().auth().oauth2(token(world.coordinator()))
                .when().delete("/partnerships/{p}/memberships/{m}", world.partnershipId(), id)
                .then().statusCode(200).body("active", equalTo(false)).body("leftOn", notNullValue());

        given().auth().oauth2(token(world.member())).queryParam("active", "false")
                .when().get("/partnerships/{id}/memberships", world.partnershipId())
                .then().statusCode(200).body("items.organisationId", contains(faith.toString()));
    }

    @Test
    void membersCannotManageMembershipsAndOutsidersDoNotSeeThem() {
        Fixtures.World world = Fixtures.world("Guarded");
        UUID org = Fixtures.organisation("Housing Authority", "HOUSING");
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON)
                .body(Map.of("organisationId", org, "role", "MEMBER"))
                .when().post("/partnerships/{id}/memberships", world.partnershipId()).then().statusCode(403);
        Fixtures.World other = Fixtures.world("Other");
        given().auth().oauth2(token(other.coordinator())).when().get("/partnerships/{id}/memberships", world.partnershipId())
                .then().statusCode(404);
    }

    @Test
    void rolesAreGrantedOnceAndRevokedWithHistory() {
        Fixtures.World world = Fixtures.world("Roles");
        String roleId = given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("personId", world.memberPersonId(), "role", "AGENCY_CHAMPION"))
                .when().post("/partnerships/{id}/roles", world.partnershipId())
                .then().statusCode(201).body("role", equalTo("AGENCY_CHAMPION")).extract().path("id");
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("personId", world.memberPersonId(), "role", "AGENCY_CHAMPION"))
                .when().post("/partnerships/{id}/roles", world.partnershipId())
                .then().statusCode(409).body("violations[0].field", equalTo("role"));
        given().auth().oauth2(token(world.coordinator()))
                .when().delete("/partnerships/{p}/roles/{r}", world.partnershipId(), roleId)
                .then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(token(world.coordinator())).queryParam("active", "false")
                .when().get("/partnerships/{id}/roles", world.partnershipId())
                .then().statusCode(200).body("items.id", hasItem(roleId));
    }

    @Test
    void meListsTheCallersPartnershipsWithRoles() {
        Fixtures.World world = Fixtures.world("Me");
        given().auth().oauth2(token(world.member())).when().get("/me")
                .then().statusCode(200)
                .body("person.id", equalTo(world.memberPersonId().toString()))
                .body("partnerships[0].partnershipId", equalTo(world.partnershipId().toString()))
                .body("partnerships[0].roles", contains("MEMBER"));
    }

    @Test
    void personAddedBeforeTheyHaveAnAccountIsLinkedOnFirstSignInWithAVerifiedEmailOnly() {
        UUID partnershipId = Fixtures.partnership("Linking");
        TestUser newcomer = TestUser.fresh("newcomer");
        String personId = given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("name", "New Comer", "email", newcomer.email().toUpperCase()))
                .post("/people").then().statusCode(201).extract().path("id");
        Fixtures.grant(partnershipId, UUID.fromString(personId), "LIVED_EXPERIENCE");

        given().auth().oauth2(org.partnershippulse.testkit.TestTokens.unverified(newcomer)).when().get("/me")
                .then().statusCode(200)
                .body("person", org.hamcrest.Matchers.nullValue())
                .body("partnerships", org.hamcrest.Matchers.empty());
        given().auth().oauth2(token(newcomer)).when().get("/me")
                .then().statusCode(200)
                .body("person.id", equalTo(personId))
                .body("person.subject", equalTo(newcomer.subject()))
                .body("partnerships[0].roles", contains("LIVED_EXPERIENCE"));
    }

    @Test
    void auditTrailRecordsWhoChangedWhatForCoordinatorsOnly() {
        Fixtures.World world = Fixtures.world("Audit");
        given().auth().oauth2(token(world.coordinator())).when().get("/partnerships/{id}/audit", world.partnershipId())
                .then().statusCode(200)
                .body("items.action", hasItem("created"))
                .body("items.action", hasItem("started"))
                .body("items.actorSubject", hasItem(TestUser.ADMIN.subject()));
        given().auth().oauth2(token(world.member())).when().get("/partnerships/{id}/audit", world.partnershipId())
                .then().statusCode(403);
    }

    @Test
    void organisationsAreEditedWithIfMatchByTheirCoordinators() {
        Fixtures.World world = Fixtures.world("Org edits");
        String etag = given().auth().oauth2(token(world.coordinator())).get("/organisations/{id}", world.memberOrganisation())
                .then().statusCode(200).extract().header("ETag");
        Map<String, Object> body = Map.of("name", Fixtures.unique("Renamed District"), "sector", "EDUCATION");
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/organisations/{id}", world.memberOrganisation()).then().statusCode(200);
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/organisations/{id}", world.memberOrganisation()).then().statusCode(412);
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/organisations/{id}", world.memberOrganisation()).then().statusCode(403);
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad site", "sector", "EDUCATION", "website", "not a url"))
                .post("/organisations").then().statusCode(400).body("violations[0].field", equalTo("website"));
    }

    @Test
    void peopleAreVisibleOnlyToThoseSharingAPartnership() {
        Fixtures.World world = Fixtures.world("Privacy");
        Fixtures.World other = Fixtures.world("Elsewhere");
        given().auth().oauth2(token(world.coordinator())).when().get("/people/{id}", world.memberPersonId()).then().statusCode(200);
        given().auth().oauth2(token(other.coordinator())).when().get("/people/{id}", world.memberPersonId()).then().statusCode(404);
        given().auth().oauth2(token(other.coordinator())).when().get("/people")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(world.memberPersonId().toString())));
    }
}
