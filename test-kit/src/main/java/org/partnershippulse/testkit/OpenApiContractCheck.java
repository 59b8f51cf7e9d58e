package org.partnershippulse.testkit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document is the API: a change to the code's API fails this check until the document in
 * {@code contracts/openapi/} is updated and reviewed. Each service extends it in a {@code @QuarkusTest}.
 */
public abstract class OpenApiContractCheck {

    protected abstract String service();

    @Test
    void runningApiMatchesCommittedDocument() {
        String actual = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        assertNull(Contracts.drift(Contracts.openApi(service()), actual));
    }
}
