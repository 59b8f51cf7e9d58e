package org.partnershippulse.partnership.cors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.partnershippulse.partnership.Fixtures.partnership;
import static org.partnershippulse.partnership.Fixtures.partnershipBody;
import static org.partnershippulse.partnership.Fixtures.token;
import static org.partnershippulse.partnership.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.testkit.TestUser;

/**
 * A single-page app on another origin (CORS_ORIGINS, here its default http://localhost:5173) can read and update:
 * the preflight allows its methods and headers (If-Match) and is cached, and the answers expose the headers it
 * must read back (ETag for If-Match, Location). Any other origin gets no CORS grant, and its requests are refused
 * before they change anything. (system-tests' BrowserIT shows the same with a real browser.)
 */
@QuarkusTest
class CorsTest {

    private static final String ALLOWED = "http://localhost:5173";
    private static final String DISALLOWED = "https://evil.example";

    @Test
    void thePreflightOfAnUpdateFromAnAllowedOriginAllowsIfMatchAndIsCached() {
        given().header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match,accept-language")
                .when().options("/partnerships/{id}", UUID.randomUUID())
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Allow-Methods", allOf(containsString("GET"), containsString("POST"),
                        containsString("PUT"), containsString("DELETE")))
                .header("Access-Control-Allow-Headers", allOf(containsString("Authorization"), containsString("Content-Type"),
                        containsString("If-Match"), containsString("Accept-Language")))
                .header("Access-Control-Max-Age", "7200")
                // bearer tokens, not cookies: a credentialed request is not granted
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
    }

    @Test
    void aPreflightFromAnotherOriginIsNotGranted() {
        given().header("Origin", DISALLOWED)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .when().options("/partnerships/{id}", UUID.randomUUID())
                .then().statusCode(403)
                // without Access-Control-Allow-Origin the browser does not send the request
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void anAllowedOriginReadsTheETagAndLocationAndUpdatesWithIt() {
        var created = given().auth().oauth2(token(TestUser.ADMIN)).header("Origin", ALLOWED).contentType(ContentType.JSON)
                .body(partnershipBody(unique("Cors"))).when().post("/partnerships")
                .then().statusCode(201)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Expose-Headers", allOf(containsString("ETag"), containsString("Location"),
                        containsString("Retry-After")))
                .header("Location", notNullValue())
                .extract();
        String id = created.path("id");
        String etag = given().auth().oauth2(token(TestUser.ADMIN)).header("Origin", ALLOWED)
                .when().get("/partnerships/{id}", id)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .extract().header("ETag");
        Map<String, Object> body = partnershipBody("Renamed from a browser " + id);
        given().auth().oauth2(token(TestUser.ADMIN)).header("Origin", ALLOWED).header("If-Match", etag)
                .contentType(ContentType.JSON).body(body)
                .when().put("/partnerships/{id}", id)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .body("name", equalTo("Renamed from a browser " + id));
    }

    @Test
    void swaggerUiOnTheServicesOwnOriginMayWriteThoughItIsNotInCorsOrigins() {
        // a browser sends Origin on a same-origin POST/PUT too (Swagger UI's "Try it out")
        String own = "http://localhost:" + RestAssured.port;
        given().auth().oauth2(token(TestUser.ADMIN)).header("Origin", own).contentType(ContentType.JSON)
                .body(partnershipBody(unique("Swagger UI"))).when().post("/partnerships")
                .then().statusCode(201);
    }

    @Test
    void anUpdateFromAnotherOriginIsRefusedAndChangesNothing() {
        UUID id = partnership("Cors refused");
        var before = given().auth().oauth2(token(TestUser.ADMIN)).when().get("/partnerships/{id}", id)
                .then().statusCode(200).extract();
        given().auth().oauth2(token(TestUser.ADMIN)).header("Origin", DISALLOWED).header("If-Match", before.header("ETag"))
                .contentType(ContentType.JSON).body(partnershipBody("Renamed by another site"))
                .when().put("/partnerships/{id}", id)
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().auth().oauth2(token(TestUser.ADMIN)).when().get("/partnerships/{id}", id)
                .then().statusCode(200)
                .header("ETag", equalTo(before.header("ETag")))
                .body("name", equalTo(before.path("name")));
    }
}
