package org.partnershippulse.partnership.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.partnershippulse.partnership.Fixtures.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershippulse.partnership.Fixtures;

@QuarkusTest
class AgreementResourceTest {

    private static ValidatableResponse draft(Fixtures.World world) {
        return given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("decisionProcess", "Consensus of member representatives"))
                .when().post("/partnerships/{id}/agreements", world.partnershipId()).then().statusCode(201);
    }

    @Test
    void draftReproducesTheBcrModelFilledFromThePartnership() {
        Fixtures.World world = Fixtures.world("MOU");
        draft(world)
                .body("status", equalTo("DRAFT"))
                .body("currentVersion", equalTo(1))
                .body("meetingFrequency", equalTo("at least monthly"))
                .body("memberDuties", hasSize(6))
                .body("text", containsString("Building Community Resilience (BCR) in Ventura County"))
                .body("text", containsString("Meet at least monthly for check-ins"))
                .body("text", containsString("## Decision-making process"))
                .body("text", containsString("Unified School District"))
                .body("missingSignatures", hasSize(2));
    }

    @Test
    void membersSignForTheirOwnOrganisationOnlyAndOnce() {
        Fixtures.World world = Fixtures.world("Signing");
        String agreementId = draft(world).extract().path("id");
        String url = "/partnerships/" + world.partnershipId() + "/agreements/" + agreementId;

        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON)
                .body(Map.of("organisationId", world.coordinatorOrganisation()))
                .when().post(url + "/signatures").then().statusCode(403);
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON)
                .body(Map.of("organisationId", world.memberOrganisation(), "signerTitle", "Superintendent"))
                .when().post(url + "/signatures").then().statusCode(201)
                .body("signerName", equalTo(world.member().name())).body("versionNumber", equalTo(1));
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON)
                .body(Map.of("organisationId", world.memberOrganisation()))
                .when().post(url + "/signatures").then().statusCode(409).body("violations[0].field", equalTo("organisationId"));

        given().auth().oauth2(token(world.member())).when().get(url)
                .then().statusCode(200).body("signatures", hasSize(1))
                .body("missingSignatures.organisationId", org.hamcrest.Matchers.contains(world.coordinatorOrganisation().toString()));
    }

    @Test
    void signingFollowsTheOrganisationTheCoordinatorsRecordedNotOneTheSignerDeclares() {
        Fixtures.World world = Fixtures.world("Declared org");
        Fixtures.World other = Fixtures.world("Shares an org");
        String agreementId = draft(world).extract().path("id");
        String url = "/partnerships/" + world.partnershipId() + "/agreements/" + agreementId;
        String person = "/people/" + world.memberPersonId();
        String etag = given().auth().oauth2(token(world.member())).get(person).then().extract().header("ETag");
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", world.member().name(), "email", world.member().email(),
                        "organisationId", world.coordinatorOrganisation().toString()))
                .put(person).then().statusCode(403).body("violations[0].field", equalTo("organisationId"));
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON)
                .body(Map.of("organisationId", world.coordinatorOrganisation())).post(url + "/signatures").then().statusCode(403);

        // A coordinator of another partnership that shares the organisation has no say in this one's agreement.
        Fixtures.member(other.partnershipId(), world.coordinatorOrganisation(), "MEMBER");
        given().auth().oauth2(token(other.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("organisationId", world.coordinatorOrganisation(), "signerName", "Someone"))
                .post(url + "/signatures").then().statusCode(404);
        given().auth().oauth2(token(world.coordinator())).get(url).then().body("signatures", hasSize(0));
    }

    @Test
    void activationSetsAnnualRenewalAndRenewalAsksEveryoneToSignAgain() {
        Fixtures.World world = Fixtures.world("Renewal");
        String agreementId = draft(world).extract().path("id");
        String url = "/partnerships/" + world.partnershipId() + "/agreements/" + agreementId;
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON)
                .body(Map.of("organisationId", world.memberOrganisation())).post(url + "/signatures").then().statusCode(201);

        String etag = given().auth().oauth2(token(world.coordinator())).get(url).then().extract().header("ETag");
        String activeEtag = given().auth().oauth2(token(world.coordinator())).header("If-Match", etag).post(url + "/activate")
                .then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("renewalDueOn", equalTo(java.time.LocalDate.now().plusMonths(12).toString()))
                .extract().header("ETag");
        given().auth().oauth2(token(world.coordinator())).header("If-Match", etag).post(url + "/activate").then().statusCode(412);
        given().auth().oauth2(token(world.coordinator())).header("If-Match", activeEtag).post(url + "/activate").then().statusCode(409);

        given().auth().oauth2(token(world.coordinator())).header("If-Match", activeEtag).post(url + "/renew")
                .then().statusCode(200).body("currentVersion", equalTo(2))
                .body("signatures", hasSize(0)).body("missingSignatures", hasSize(2));
        given().auth().oauth2(token(world.member())).get(url + "/versions").then().statusCode(200).body("size()", equalTo(2));
    }
}
