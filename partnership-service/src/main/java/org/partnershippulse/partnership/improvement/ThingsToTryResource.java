package org.partnershippulse.partnership.improvement;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/things-to-try")
@Tag(name = "Improvement plans")
@Produces(MediaType.APPLICATION_JSON)
public class ThingsToTryResource {

    @Inject
    GoalService goals;

    @GET
    @Operation(operationId = "listThingsToTry", summary = "List the catalogue of Things to try and guidelines",
            description = "Every signed-in user: WestEd's Things to try (per condition, START_HERE and GO_DEEPER, English and"
                    + " Spanish) and BCR's cross-sector guidelines, word for word from the seeds, with the keys a goal adopts"
                    + " them by.")
    public List<ImprovementApi.Suggestion> list(
            @QueryParam("section") @Parameter(description = "Only those answering this section or element key",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100)) String section,
            @QueryParam("source") @Parameter(description = "WESTED_THINGS_TO_TRY or BCR_GUIDELINE",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"WESTED_THINGS_TO_TRY", "BCR_GUIDELINE"})) String source) {
        return goals.suggestions(section, source);
    }
}
