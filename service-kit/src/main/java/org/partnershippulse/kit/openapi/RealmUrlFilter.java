package org.partnershippulse.kit.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The document is built at build time, but the realm a deployment signs in with is runtime configuration
 * ({@code OPENAPI_REALM_URL}, else {@code OIDC_AUTH_SERVER_URL}): this sets the scheme's URLs again at startup.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class RealmUrlFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null
                || !openAPI.getComponents().getSecuritySchemes().containsKey(ApiDocumentFilter.SECURITY_SCHEME)) {
            return;
        }
        String realmUrl = ConfigProvider.getConfig().getOptionalValue(ApiDocumentFilter.REALM_URL_KEY, String.class)
                .orElse(ApiDocumentFilter.DEFAULT_REALM_URL);
        openAPI.getComponents().addSecurityScheme(ApiDocumentFilter.SECURITY_SCHEME, ApiDocumentFilter.securityScheme(realmUrl));
    }
}
