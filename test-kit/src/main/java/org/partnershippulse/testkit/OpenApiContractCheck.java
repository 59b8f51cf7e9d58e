package org.partnershippulse.testkit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document is the API: a change to the code's API fails this check until the document in
 * {@code contracts/openapi/} is updated and reviewed. Each service extends it in a {@code @QuarkusTest}.
 */
public abstract class OpenApiContractCheck {

    protected abstract String service();

    @Test
    void runningApiMatchesCommittedDocument() {
        assertNull(Contracts.drift(Contracts.openApi(service()), document()));
    }

    // What a generated TypeScript client needs: function names, docs, typed success bodies and stable type names.

    @Test
    void everyOperationHasAnIdASummaryAndADescription() {
        assertEquals(List.of(), OpenApiDocumentRules.operationsWithoutIdSummaryOrDescription(OpenApiDocumentRules.parse(document())));
    }

    @Test
    void operationIdsAreUniqueAcrossTheServices() {
        assertEquals(List.of(), OpenApiDocumentRules.operationIdsUsedByOtherServices(OpenApiDocumentRules.parse(document()), service()));
    }

    @Test
    void everySuccessResponseHasANamedSchemaExceptNoContent() {
        assertEquals(List.of(), OpenApiDocumentRules.successResponsesWithoutSchema(OpenApiDocumentRules.parse(document())));
    }

    @Test
    void noSchemaNameIsNumbered() {
        assertEquals(List.of(), OpenApiDocumentRules.numberedSchemaNames(OpenApiDocumentRules.parse(document())));
    }

    private static String document() {
        return given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
    }
}
