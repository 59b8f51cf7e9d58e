package org.partnershippulse.partnership.person;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/person-roles")
@Tag(name = "Taxonomies")
@Produces(MediaType.APPLICATION_JSON)
public class PersonRoleCatalogResource {

    @Inject
    ObjectMapper mapper;

    @GET
    @Operation(operationId = "listPersonRoleTypes", summary = "List the roles a person can hold in a partnership",
            description = "Any signed-in user: each role as the seed documents describe it.")
    public List<PersonApi.RoleInfo> roles() throws IOException {
        try (InputStream in = PersonRoleCatalogResource.class.getResourceAsStream("/seeds/roles.json")) {
            return mapper.readValue(in, new TypeReference<>() {
            });
        }
    }
}
