package org.partnershippulse.reporting.freshness;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** Declares {@link ReadModelHeaders}' two headers on every 2xx answer of the API (outside /q/). */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ReadModelHeadersDocument implements OASFilter {

    private static final String REF = "#/components/headers/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addHeader(ReadModelHeaders.AS_OF, OASFactory.createHeader()
                .description("Every event published before this instant is in the figures (absent until this instance"
                        + " has confirmed it once against Kafka)")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time")));
        openAPI.getComponents().addHeader(ReadModelHeaders.STALE, OASFactory.createHeader()
                .description("true when the read models may be behind the events by more than the configured"
                        + " pulse.reporting.read-models.max-staleness (consumers lagging, or Kafka unreachable)")
                .required(true)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true").addEnumeration("false")));
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/q/")) {
                return;
            }
            item.getOperations().values().forEach(operation -> operation.getResponses().getAPIResponses().forEach((code, r) -> {
                if (code.startsWith("2") && r.getRef() == null) {
                    r.addHeader(ReadModelHeaders.AS_OF, OASFactory.createHeader().ref(REF + ReadModelHeaders.AS_OF));
                    r.addHeader(ReadModelHeaders.STALE, OASFactory.createHeader().ref(REF + ReadModelHeaders.STALE));
                }
            }));
        });
    }
}
