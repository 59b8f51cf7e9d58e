package org.partnershippulse.kit.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The caller as the bearer token identifies them")
public record Caller(
        @Schema(description = "Keycloak subject", example = "a0000000-0000-4000-8000-000000000002") String subject,
        @Schema(example = "rivera") String username,
        @Schema(example = "Maria Rivera") String name,
        @Schema(example = "rivera@example.org") String email,
        @Schema(description = "Holds the platform-admin realm role") boolean platformAdmin) {
}
