package org.partnershippulse.assessment.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.testkit.OpenApiContractCheck;
import org.partnershippulse.testkit.OpenApiDocumentRules;

@QuarkusTest
class OpenApiContractTest extends OpenApiContractCheck {

    JsonNode doc;

    @Override
    protected String service() {
        return "assessment-service";
    }

    @BeforeEach
    void readDocument() {
        doc = OpenApiDocumentRules.parse(given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }

    // the rules every service keeps are in OpenApiContractCheck; page schemas are named per service

    @Test
    void pageSchemasDescribeThePagesTheServiceSends() {
        assertEquals(List.of(), OpenApiDocumentRules.pageSchemasUnlike(doc, Page.class));
    }
}
