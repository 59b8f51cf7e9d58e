package org.partnershippulse.partnership.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.partnershippulse.partnership.Fixtures.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.partnershippulse.testkit.TestUser;

/** Requests that go wrong before reaching any domain code still get problem details, never a stack trace. */
@QuarkusTest
class HttpProblemsTest {

    @Test
    void unknownRouteIs404Problem() {
        given().auth().oauth2(token(TestUser.ADMIN)).when().get("/no/such/thing")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://partnershippulse.org/problems/not-found"))
                .body("instance", equalTo("/no/such/thing"));
    }

    @Test
    void wrongMethodIs405Problem() {
        given().auth().oauth2(token(TestUser.ADMIN)).when().patch("/sectors")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void unsupportedMediaTypeIs415Problem() {
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.XML).body("<partnership/>")
                .when().post("/partnerships")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIs413Problem() {
        String huge = "{\"name\":\"" + "x".repeat(600 * 1024) + "\"}";
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON).body(huge)
                .when().post("/partnerships")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aNumberForATextFieldIs400NamingIt() {
        // Jackson would store it as "123"; the service-kit's StrictJson refuses it
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON)
                .body("{\"name\":123,\"sector\":\"EDUCATION\"}")
                .when().post("/organisations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("name"));
    }

    @Test
    void aPageThatIsNotANumberIs400NamingIt() {
        given().auth().oauth2(token(TestUser.ADMIN)).queryParam("page", "first").when().get("/partnerships")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("page"));
    }

    @Test
    void healthMetricsAndOpenApiNeedNoToken() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("pulse_outbox_backlog"));
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void sectorTaxonomyComesFromTheSeeds() {
        given().auth().oauth2(token(TestUser.OKAFOR)).when().get("/sectors")
                .then().statusCode(200)
                .body("size()", equalTo(16))
                .body("find { it.code == 'PHILANTHROPY' }.essentialByDefault", equalTo(true))
                .body("find { it.code == 'PHILANTHROPY' }.contributionQuoted", equalTo(true));
    }
}
