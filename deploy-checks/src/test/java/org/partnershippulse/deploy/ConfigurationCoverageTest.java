package org.partnershippulse.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every environment variable a service reads (parsed from service-kit's and its own properties, ${VAR:default}) is
 * provided to its container: by its ConfigMap, or, for credentials, by a Secret reference. A new variable in the
 * code without a deployment entry fails here.
 */
class ConfigurationCoverageTest {

    /** Variables that must come from a Secret, never from a ConfigMap. */
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|USERNAME|CREDENTIAL|JAAS|_KEY$).*");

    @Test
    void theServicesReadTheVariablesTheDeploymentIsBuiltFor() {
        // A guard on the parser itself: if it finds nothing, every other check here would pass vacuously.
        for (var s : Project.services()) {
            assertTrue(s.envVars().containsAll(Set.of("HTTP_PORT", "DB_URL", "DB_USERNAME", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
                    "OIDC_AUTH_SERVER_URL")), s.name() + " reads " + s.envVars());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyVariableAServiceReadsIsProvidedByItsConfigMapOrASecret() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            Map<String, ConfigMap> maps = new HashMap<>();
            r.ofKind(ConfigMap.class).forEach(cm -> maps.put(cm.getMetadata().getName(), cm));
            for (Deployment d : r.deployments()) {
                var service = Project.service(Rendered.serviceName(d));
                String where = r.overlay() + " " + Kustomize.id(d);
                Container c = Rendered.container(d);
                Map<String, String> fromConfigMaps = new HashMap<>();
                Set<String> fromSecrets = new TreeSet<>();
                Set<String> literal = new TreeSet<>();
                for (EnvFromSource src : c.getEnvFrom() == null ? java.util.List.<EnvFromSource>of() : c.getEnvFrom()) {
                    if (src.getConfigMapRef() != null) {
                        ConfigMap cm = maps.get(src.getConfigMapRef().getName());
                        p.check(cm != null, where + " reads ConfigMap " + src.getConfigMapRef().getName() + ", which the overlay lacks");
                        if (cm != null && cm.getData() != null) {
                            String prefix = src.getPrefix() == null ? "" : src.getPrefix();
                            cm.getData().forEach((k, v) -> fromConfigMaps.put(prefix + k, v));
                        }
                    }
                    p.check(src.getSecretRef() == null || src.getSecretRef().getName() != null, where + " has an unnamed secretRef");
                }
                for (EnvVar e : c.getEnv() == null ? java.util.List.<EnvVar>of() : c.getEnv()) {
                    if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                        fromSecrets.add(e.getName());
                    } else if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                        fromConfigMaps.put(e.getName(), "(configMapKeyRef)");
                    } else {
                        literal.add(e.getName());
                    }
                }
                for (String var : service.envVars()) {
                    boolean secret = SECRET_NAME.matcher(var).matches();
                    if (secret) {
                        p.check(fromSecrets.contains(var), where + " " + var + " must come from a Secret reference");
                        p.check(!fromConfigMaps.containsKey(var) && !literal.contains(var), where + " " + var + " is set in clear text");
                    } else {
                        p.check(fromConfigMaps.containsKey(var) || literal.contains(var),
                                where + " " + var + " (read by " + service.name() + ") is in neither its ConfigMap nor its env");
                    }
                }
                for (String key : fromConfigMaps.keySet()) {
                    p.check(service.envVars().contains(key), where + " ConfigMap sets " + key + ", which " + service.name()
                            + " never reads (misspelt or stale?)");
                }
                String port = fromConfigMaps.get("HTTP_PORT");
                p.check(String.valueOf(service.httpPort()).equals(port), where + " HTTP_PORT=" + port
                        + ", the application's default is " + service.httpPort());
                String url = fromConfigMaps.getOrDefault("DB_URL", "");
                p.check(url.startsWith("jdbc:postgresql://") && url.replaceAll("\\?.*", "").endsWith("/" + service.database()),
                        where + " DB_URL=" + url + " does not point at the service's own database " + service.database());
            }
            p.assertNone("configuration");
        }));
    }

    /** The Secrets the Deployments reference are the ones deploy/secrets/ and the README tell the operator to create. */
    @TestFactory
    Stream<DynamicTest> everyReferencedSecretIsDescribedByTheSecretExample() {
        String example = Project.read(Project.DEPLOY.resolve("secrets/db-credentials.example.yaml"));
        var examples = Kustomize.parse(example, "db-credentials.example.yaml");
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            for (Deployment d : r.deployments()) {
                for (EnvVar e : Rendered.container(d).getEnv()) {
                    var ref = e.getValueFrom() == null ? null : e.getValueFrom().getSecretKeyRef();
                    if (ref == null) {
                        continue;
                    }
                    var secret = examples.stream().filter(o -> o.getMetadata().getName().equals(ref.getName()))
                            .map(io.fabric8.kubernetes.api.model.Secret.class::cast).findFirst();
                    p.check(secret.isPresent(), Kustomize.id(d) + " reads Secret " + ref.getName() + ", not in the example");
                    secret.ifPresent(s -> p.check(s.getStringData().containsKey(ref.getKey()),
                            "Secret example " + ref.getName() + " lacks key " + ref.getKey()));
                    if (e.getName().equals("DB_USERNAME")) {
                        String db = Project.service(Rendered.serviceName(d)).database();
                        secret.ifPresent(s -> p.check(db.equals(s.getStringData().get(ref.getKey())),
                                "Secret example " + ref.getName() + " username should be the database role " + db));
                    }
                }
            }
            p.assertNone("secret references");
        }));
    }

    /** The administrator's guide lists every variable of every service. */
    @Test
    void theDeployReadmeDocumentsEveryVariable() {
        String readme = Project.read(Project.DEPLOY.resolve("README.md"));
        Problems p = new Problems();
        for (var s : Project.services()) {
            for (String var : s.envVars()) {
                p.check(readme.contains("`" + var + "`"), "deploy/README.md does not document `" + var + "` (read by " + s.name() + ")");
            }
        }
        p.assertNone("deploy/README.md");
    }
}
