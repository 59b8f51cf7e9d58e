package org.partnershippulse.partnership;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

/** Builds a partnership world through the API, as an administrator and coordinators would. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String token(TestUser user) {
        return TestTokens.of(user);
    }

    public static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> partnershipBody(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("geographyType", "COUNTY");
        body.put("geographyName", "Ventura County");
        body.put("structure", "STEERING_COMMITTEE");
        body.put("status", "ACTIVE");
        body.put("declaredDimension", "COOPERATION");
        body.put("aspiredDimension", "COLLABORATION");
        body.put("sharedValues", java.util.List.of("Families first", "Shared accountability"));
        return body;
    }

    public static UUID partnership(String name) {
        return UUID.fromString(given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON)
                .body(partnershipBody(unique(name)))
                .post("/partnerships").then().statusCode(201).extract().path("id"));
    }

    public static UUID organisation(String name, String sector) {
        return UUID.fromString(given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("name", unique(name), "sector", sector, "type", "Agency"))
                .post("/organisations").then().statusCode(201).extract().path("id"));
    }

    /**
     * The user's person entry, added by the administrator with the user's e-mail and linked as Keycloak would: by
     * the user's first sign-in with that e-mail, verified.
     */
    public static UUID person(TestUser user, UUID organisationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", user.name());
        body.put("email", user.email());
        body.put("organisationId", organisationId);
        UUID id = UUID.fromString(given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON).body(body)
                .post("/people").then().statusCode(201).extract().path("id"));
        given().auth().oauth2(token(user)).get("/me").then().statusCode(200).body("person.id", org.hamcrest.Matchers.equalTo(id.toString()));
        return id;
    }

    public static UUID grant(UUID partnershipId, UUID personId, String role) {
        return UUID.fromString(given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("personId", personId, "role", role))
                .post("/partnerships/{id}/roles", partnershipId).then().statusCode(201).extract().path("id"));
    }

    public static UUID member(UUID partnershipId, UUID organisationId, String role) {
        return UUID.fromString(given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("organisationId", organisationId, "role", role))
                .post("/partnerships/{id}/memberships", partnershipId).then().statusCode(201).extract().path("id"));
    }

    /** A partnership with a coordinator and a member, each from their own member organisation. */
    public record World(UUID partnershipId, TestUser coordinator, TestUser member, UUID coordinatorOrganisation,
            UUID memberOrganisation, UUID memberPersonId) {
    }

    public static World world(String name) {
        UUID partnershipId = partnership(name);
        TestUser coordinator = TestUser.fresh("coord");
        TestUser member = TestUser.fresh("member");
        UUID coordinatorOrg = organisation("Family Services", "CHILD_WELFARE");
        UUID memberOrg = organisation("Unified School District", "EDUCATION");
        member(partnershipId, coordinatorOrg, "BACKBONE_LEAD");
        member(partnershipId, memberOrg, "MEMBER");
        grant(partnershipId, person(coordinator, coordinatorOrg), "COORDINATOR");
        UUID memberPerson = person(member, memberOrg);
        grant(partnershipId, memberPerson, "MEMBER");
        return new World(partnershipId, coordinator, member, coordinatorOrg, memberOrg, memberPerson);
    }
}
