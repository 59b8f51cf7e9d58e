package org.partnershippulse.partnership.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnershippulse.testkit.Contracts;

/** The committed OpenAPI document is the API: any change to the code's API must come with a reviewed change to it. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void runningApiMatchesCommittedDocument() {
        String actual = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        assertNull(Contracts.drift(Contracts.openApi("partnership-service"), actual));
    }
}
