package org.partnershippulse.assessment;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

/** REST Assured requests as a given person, with a real signed token. */
public final class Http {

    private Http() {
    }

    public static RequestSpecification as(TestUser user) {
        return given().auth().oauth2(TestTokens.of(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
