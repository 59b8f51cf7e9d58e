package org.partnershippulse.kit.problem;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents, on every operation, the problem responses it can give, so that frontend teams see one error format
 * everywhere: 400/401/403/404/500/503 always; 409 on writes; 413/415 where a body is taken; 412 where If-Match is
 * taken, 428 where it is required. Problem lists as {@code required} what every problem carries (the rest is left
 * out when empty).
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String REF = "#/components/schemas/Problem";

    /** Always present ({@link Problem#of} fills them; detail, violations and the count are left out when empty). */
    public static final java.util.List<String> REQUIRED_PROBLEM = java.util.List.of("type", "title", "status", "instance");

    public static final java.util.List<String> REQUIRED_VIOLATION = java.util.List.of("field", "message");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema("Violation", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)).examples(java.util.List.of("name")))
                .addProperty("message", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)).examples(java.util.List.of("must not be blank")))
                .required(REQUIRED_VIOLATION));
        components.addSchema("Problem", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details; type is a stable identifier of the kind of error")
                .addProperty("type", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)).format("uri")
                        .examples(java.util.List.of("https://partnershippulse.org/problems/validation")))
                .addProperty("title", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)))
                .addProperty("instance", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)))
                .addProperty("violations", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.ARRAY))
                        .description("Each offending field and why, at most " + Problem.MAX_VIOLATIONS)
                        .items(OASFactory.createSchema().ref("#/components/schemas/Violation")))
                .addProperty("violationsOmitted", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER))
                        .description("How many further violations were found but not listed"))
                .required(REQUIRED_PROBLEM));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (!path.startsWith("/q/")) {
                document(method, operation);
            }
        }));
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        Map<String, String> problems = new TreeMap<>();
        problems.put("400", "Invalid input: the violations name each field and why");
        problems.put("401", "No valid bearer token");
        problems.put("403", "Your role does not allow this");
        problems.put("404", "Not found, or not visible to you");
        problems.put("500", "Unexpected error, with a reference to quote");
        problems.put("503", "Briefly unavailable (e.g. the database): nothing was changed; retry after Retry-After seconds");
        if (operation.getRequestBody() != null) {
            problems.put("413", "The body is larger than the service accepts");
            problems.put("415", "The body must be application/json");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.DELETE) {
            problems.put("409", "Conflicts with the current state (duplicate, wrong lifecycle step)");
        }
        java.util.Optional<org.eclipse.microprofile.openapi.models.parameters.Parameter> ifMatch = operation.getParameters() == null
                ? java.util.Optional.empty()
                : operation.getParameters().stream().filter(p -> "If-Match".equalsIgnoreCase(p.getName())).findFirst();
        ifMatch.ifPresent(p -> {
            problems.put("412", "The If-Match version is stale: fetch the resource again");
            if (Boolean.TRUE.equals(p.getRequired())) {
                problems.put("428", "If-Match is required");
            }
        });
        problems.forEach((status, description) -> {
            org.eclipse.microprofile.openapi.models.responses.APIResponse existing = responses.getAPIResponse(status);
            if (existing == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problemContent()));
            } else if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                    || existing.getContent().getMediaTypes().isEmpty()) {
                // e.g. the 401/403 Quarkus declares for secured operations: they are answered as problems too
                existing.setContent(problemContent());
            }
        });
        // Any other error a resource declares (e.g. 429) is a problem too, whatever the annotation left out
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.matches("[45]\\d\\d") && response.getRef() == null && (response.getContent() == null
                    || response.getContent().getMediaTypes() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent());
            }
        });
        operation.setResponses(responses);
    }
}
