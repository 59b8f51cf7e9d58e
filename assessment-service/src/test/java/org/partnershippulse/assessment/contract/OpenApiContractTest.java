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

    // What a generated TypeScript client needs: function names, docs, typed success bodies and stable type names.

    @Test
    void everyOperationHasAnIdASummaryAndADescription() {
        assertEquals(List.of(), OpenApiDocumentRules.operationsWithoutIdSummaryOrDescription(doc));
    }

    @Test
    void operationIdsAreUniqueAcrossTheServices() {
        assertEquals(List.of(), OpenApiDocumentRules.operationIdsUsedByOtherServices(doc, service()));
    }

    @Test
    void everySuccessResponseHasANamedSchema() {
        assertEquals(List.of(), OpenApiDocumentRules.successResponsesWithoutSchema(doc));
    }

    @Test
    void noSchemaNameIsNumbered() {
        assertEquals(List.of(), OpenApiDocumentRules.numberedSchemaNames(doc));
    }

    @Test
    void pageSchemasDescribeThePagesTheServiceSends() {
        assertEquals(List.of(), OpenApiDocumentRules.pageSchemasUnlike(doc, Page.class));
    }
}
