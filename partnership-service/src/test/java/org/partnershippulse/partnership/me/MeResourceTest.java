package org.partnershippulse.partnership.me;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

@QuarkusTest
class MeResourceTest {

    @Test
    void answersWhoTheTokenSaysTheCallerIs() {
        given().auth().oauth2(TestTokens.of(TestUser.RIVERA))
                .when().get("/me")
                .then().statusCode(200)
                .body("subject", equalTo(TestUser.RIVERA.subject()))
                .body("username", equalTo("rivera"))
                .body("platformAdmin", equalTo(false));
    }

    @Test
    void recognisesPlatformAdministrators() {
        given().auth().oauth2(TestTokens.of(TestUser.ADMIN))
                .when().get("/me")
                .then().statusCode(200)
                .body("platformAdmin", equalTo(true));
    }

    @Test
    void refusesRequestsWithoutTokenAsProblem() {
        given().when().get("/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://partnershippulse.org/problems/unauthorized"));
    }

    @Test
    void refusesExpiredTokens() {
        given().auth().oauth2(TestTokens.expired(TestUser.RIVERA))
                .when().get("/me")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void refusesTokensForAnotherAudience() {
        given().auth().oauth2(TestTokens.withAudience(TestUser.RIVERA, "some-other-api"))
                .when().get("/me")
                .then().statusCode(401);
    }
}
