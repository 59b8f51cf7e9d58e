package org.partnershippulse.partnership.coverage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.partnershippulse.partnership.Fixtures.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.partnership.Fixtures;
import org.partnershippulse.testkit.TestUser;

@QuarkusTest
class CoverageResourceTest {

    /**
     * Fixture: BCR default sectors (8). Members: child welfare (coordinator's), education (member's), philanthropy.
     * Champions: the education member. Lived experience: one parent. Active MOU signed by philanthropy only.
     */
    @Test
    void coverageNamesEveryGapOfAKnownFixture() {
        Fixtures.World world = Fixtures.world("Coverage");
        UUID p = world.partnershipId();
        UUID philanthropy = Fixtures.organisation("Community Foundation", "PHILANTHROPY");
        Fixtures.member(p, philanthropy, "MEMBER");
        Fixtures.grant(p, world.memberPersonId(), "AGENCY_CHAMPION");
        Fixtures.grant(p, Fixtures.person(TestUser.fresh("parent"), null), "LIVED_EXPERIENCE");

        String url = given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).body(Map.of())
                .post("/partnerships/{id}/agreements", p).then().statusCode(201).extract().header("Location");
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("organisationId", philanthropy, "signerName", "Pat Donor")).post(url + "/signatures").then().statusCode(201);
        String etag = given().auth().oauth2(token(world.coordinator())).get(url).then().extract().header("ETag");
        given().auth().oauth2(token(world.coordinator())).header("If-Match", etag).post(url + "/activate").then().statusCode(200);

        given().auth().oauth2(token(world.member())).when().get("/partnerships/{id}/coverage", p)
                .then().statusCode(200)
                .body("essentialSectors", hasSize(8))
                .body("missingSectors", containsInAnyOrder("GOVERNMENT", "COMMUNITY_BASED_ORGANIZATION",
                        "RESIDENTS_COMMUNITY_CHAMPIONS", "FAITH_BASED", "UNIVERSITY_RESEARCH", "FOR_PROFIT_BUSINESS", "HEALTH_CARE"))
                .body("livedExperienceParticipants", equalTo(1))
                .body("livedExperienceRequired", equalTo(2))
                .body("livedExperienceGap", equalTo(true))
                .body("organisationsWithoutChampion.organisationId",
                        containsInAnyOrder(world.coordinatorOrganisation().toString(), philanthropy.toString()))
                .body("membersNotSigned.organisationId",
                        containsInAnyOrder(world.coordinatorOrganisation().toString(), world.memberOrganisation().toString()))
                .body("agreementsDueForRenewal", hasSize(0))
                .body("noActiveAgreement", equalTo(false));
    }

    @Test
    void partnershipsMayAdjustTheirEssentialSectors() {
        Fixtures.World world = Fixtures.world("Own list");
        Map<String, Object> body = Fixtures.partnershipBody(Fixtures.unique("Own list"));
        body.put("essentialSectors", java.util.List.of("CHILD_WELFARE", "EDUCATION", "HOUSING"));
        String etag = given().auth().oauth2(token(world.coordinator())).get("/partnerships/{id}", world.partnershipId())
                .then().extract().header("ETag");
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/partnerships/{id}", world.partnershipId()).then().statusCode(200);
        given().auth().oauth2(token(world.coordinator())).when().get("/partnerships/{id}/coverage", world.partnershipId())
                .then().statusCode(200).body("missingSectors", containsInAnyOrder("HOUSING"))
                .body("noActiveAgreement", equalTo(true));
    }
}
