package org.partnershippulse.system.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import org.partnershippulse.systemkit.ContractConformance;

/** Hands every answer REST Assured receives to the suite's {@link ContractConformance}. */
public final class ContractFilter implements Filter {

    private final ContractConformance contracts;

    public ContractFilter(ContractConformance contracts) {
        this.contracts = contracts;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        String contentType = response.contentType();
        contracts.check(request.getMethod(), URI.create(request.getURI()), response.statusCode(),
                contentType == null || contentType.isEmpty() ? null : contentType, response.asString());
        return response;
    }
}
