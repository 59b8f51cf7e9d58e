package org.partnershippulse.partnership.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.partnershippulse.partnership.Fixtures.token;
import static org.partnershippulse.partnership.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershippulse.testkit.TestUser;

/**
 * Issue 12, attack 8: input that used to reach the database as a 500 (a page offset past int, NUL in text) is a
 * 400 naming the field; and every answer tells browsers not to sniff and the API not to be stored.
 */
@QuarkusTest
class InputLimitsTest {

    @Test
    void aPageFarBeyondTheMaximumOffsetIs400NamingPage() {
        // 21474837 * 100 overflowed the int offset: PostgreSQL refused the negative OFFSET with a 500
        given().auth().oauth2(token(TestUser.ADMIN)).queryParam("page", "21474837").queryParam("size", "100")
                .when().get("/partnerships")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("page"))
                .body("violations[0].message", equalTo("page * size must be at most 10000; filter or sort to reach further items"));
        given().auth().oauth2(token(TestUser.ADMIN)).queryParam("page", "101").queryParam("size", "100")
                .when().get("/organisations")
                .then().statusCode(400).body("violations[0].field", equalTo("page"));
        given().auth().oauth2(token(TestUser.ADMIN)).queryParam("page", "100").queryParam("size", "100")
                .when().get("/organisations")
                .then().statusCode(200).body("page", equalTo(100));
    }

    @Test
    void nulInABodyTextIs400NamingTheFieldAndNothingIsCreated() {
        String name = unique("Nul");
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("name", name + "\u0000", "sector", "EDUCATION", "type", "Agency"))
                .when().post("/organisations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", equalTo("must not contain control characters (U+0000 at position " + name.length() + ")"));
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("name", unique("Bell"), "sector", "EDUCATION", "type", "Agency\u0007"))
                .when().post("/organisations")
                .then().statusCode(400).body("violations[0].field", equalTo("type"));
        given().auth().oauth2(token(TestUser.ADMIN)).queryParam("search", name).when().get("/organisations")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void nulInAQueryParameterIs400NamingIt() {
        given().auth().oauth2(token(TestUser.ADMIN)).urlEncodingEnabled(false).queryParam("search", "Ven%00tura")
                .when().get("/organisations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("search"))
                .body("violations[0].message", equalTo("must not contain control characters (U+0000 at position 3)"));
    }

    @Test
    void successesProblemsAndUnknownRoutesAreNotSniffedNorStored() {
        given().auth().oauth2(token(TestUser.ADMIN)).when().get("/sectors")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        given().auth().oauth2(token(TestUser.ADMIN)).queryParam("page", "first").when().get("/partnerships")
                .then().statusCode(400)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        given().when().get("/partnerships")
                .then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        given().auth().oauth2(token(TestUser.ADMIN)).when().get("/no/such/thing")
                .then().statusCode(404).contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON)
                .body("{\"name\":\"" + "x".repeat(600 * 1024) + "\"}").when().post("/partnerships")
                .then().statusCode(413)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", nullValue());
    }
}
