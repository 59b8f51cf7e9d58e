package org.partnershippulse.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The optional production realm import (deploy/optional/keycloak/realm-import.yaml) is the development realm
 * (keycloak/partnership-pulse-realm.json) minus what must never reach production: demo users, the direct password
 * grant, a client secret in the repository.
 */
class ProductionRealmTest {

    private final JsonNode dev = readJson();
    private final JsonNode prodImport = readYaml();
    private final JsonNode prod = prodImport.path("spec").path("realm");

    private static JsonNode readJson() {
        try {
            return new ObjectMapper().readTree(Project.ROOT.resolve("keycloak/partnership-pulse-realm.json").toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode readYaml() {
        try {
            return new YAMLMapper().readTree(Project.DEPLOY.resolve("optional/keycloak/realm-import.yaml").toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theProductionRealmHasTheSameNameRolesClientsAndAudienceAsTheDevelopmentRealm() {
        assertEquals("KeycloakRealmImport", prodImport.path("kind").asText());
        assertEquals(dev.path("realm").asText(), prod.path("realm").asText());
        assertEquals(names(dev.path("roles").path("realm"), "name"), names(prod.path("roles").path("realm"), "name"), "realm roles");
        assertEquals(names(dev.path("clients"), "clientId"), names(prod.path("clients"), "clientId"), "clients");
        Problems p = new Problems();
        for (JsonNode client : dev.path("clients")) {
            JsonNode twin = find(prod.path("clients"), "clientId", client.path("clientId").asText());
            for (String field : new String[] {"publicClient", "standardFlowEnabled", "implicitFlowEnabled", "serviceAccountsEnabled", "bearerOnly"}) {
                p.check(client.path(field).equals(twin.path(field)), client.path("clientId").asText() + "." + field + " differs");
            }
            p.check(audiences(client).equals(audiences(twin)), client.path("clientId").asText() + " audience mappers differ: "
                    + audiences(client) + " vs " + audiences(twin));
        }
        p.assertNone("production realm vs development realm");
    }

    @Test
    void theProductionRealmHasNoDemoUsersNoPasswordGrantAndNoSecrets() {
        Problems p = new Problems();
        p.check(prod.path("users").isMissingNode() || prod.path("users").isEmpty(), "the production realm imports users");
        p.check(!"none".equals(prod.path("sslRequired").asText()), "sslRequired is none");
        for (JsonNode client : prod.path("clients")) {
            String id = client.path("clientId").asText();
            p.check(client.path("directAccessGrantsEnabled").isBoolean() && !client.path("directAccessGrantsEnabled").asBoolean(),
                    id + " must set directAccessGrantsEnabled: false");
            p.check(client.path("secret").isMissingNode(), id + " carries a client secret in the repository");
            client.path("redirectUris").forEach(u -> p.check(!u.asText().contains("localhost"), id + " redirects to " + u.asText()));
            client.path("webOrigins").forEach(u -> p.check(!u.asText().contains("localhost"), id + " allows origin " + u.asText()));
            // the development realm allows every origin and any loopback redirect; production names its frontends
            client.path("webOrigins").forEach(u -> p.check(!"*".equals(u.asText()), id + " allows every origin (*)"));
            client.path("redirectUris").forEach(u -> p.check(u.asText().startsWith("https://") && !u.asText().contains("127.0.0.1"),
                    id + " redirects to " + u.asText() + " (production redirects only to its frontends over https)"));
        }
        p.assertNone("production realm");
    }

    @Test
    void everyClientPutsTheAudienceTheServicesRequireIntoItsTokens() {
        Problems p = new Problems();
        for (var s : Project.services()) {
            String audience = s.envDefaults().get("OIDC_AUDIENCE");
            for (JsonNode realm : new JsonNode[] {dev, prod}) {
                realm.path("clients").forEach(c -> p.check(audiences(c).contains(audience), c.path("clientId").asText()
                        + " does not add audience " + audience + " required by " + s.name()));
            }
            String url = s.envDefaults().get("OIDC_AUTH_SERVER_URL");
            p.check(url != null && url.endsWith("/realms/" + dev.path("realm").asText()), s.name() + " OIDC_AUTH_SERVER_URL default " + url
                    + " is not the realm " + dev.path("realm").asText());
        }
        p.assertNone("audience");
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> names = new TreeSet<>();
        array.forEach(n -> names.add(n.path(field).asText()));
        return names;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + field + " " + value);
    }

    private static Set<String> audiences(JsonNode client) {
        Set<String> aud = new TreeSet<>();
        client.path("protocolMappers").forEach(m -> {
            if ("oidc-audience-mapper".equals(m.path("protocolMapper").asText())) {
                aud.add(m.path("config").path("included.custom.audience").asText());
            }
        });
        return aud;
    }
}
