package org.partnershippulse.partnership.sector;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/sectors")
@Tag(name = "Taxonomies", description = "Sectors and roles, from the seed documents")
@Produces(MediaType.APPLICATION_JSON)
public class SectorResource {

    @Inject
    SectorCatalog catalog;

    @GET
    @Operation(operationId = "listSectors", summary = "List the sector taxonomy",
            description = "Any signed-in user: each sector with its contribution as the seed documents describe it.")
    public List<SectorCatalog.SectorInfo> sectors() {
        return catalog.all();
    }
}
