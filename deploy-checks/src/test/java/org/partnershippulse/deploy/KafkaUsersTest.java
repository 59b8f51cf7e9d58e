package org.partnershippulse.deploy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The Kafka principals in a cluster are the ones the local broker runs with: every overlay's Strimzi KafkaUsers grant
 * exactly the ACLs of scripts/kafka/acls.txt (which scripts/lib.sh applies and the system tests exercise), each
 * service connects as its own user, and no subscriber may read an internal topic.
 */
class KafkaUsersTest {

    static final String PUBLIC_TOPIC = "pulse.public.v1";

    /** "principal operation resource pattern name", as acls.txt spells them (pattern: literal or prefixed). */
    static Set<String> scriptAcls() {
        Set<String> acls = new TreeSet<>();
        for (String line : Project.read(Project.ROOT.resolve("scripts/kafka/acls.txt")).split("\n")) {
            String l = line.replaceFirst("#.*", "").trim();
            if (!l.isEmpty()) {
                acls.add(String.join(" ", l.split("\\s+")).toLowerCase(Locale.ROOT));
            }
        }
        return acls;
    }

    @SuppressWarnings("unchecked")
    static Set<String> strimziAcls(List<GenericKubernetesResource> users) {
        Set<String> acls = new TreeSet<>();
        for (GenericKubernetesResource u : users) {
            for (Map<String, Object> acl : (List<Map<String, Object>>) u.get("spec", "authorization", "acls")) {
                Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
                String pattern = "prefix".equals(resource.get("patternType")) ? "prefixed" : String.valueOf(resource.get("patternType"));
                for (Object op : (List<Object>) acl.get("operations")) {
                    acls.add(String.join(" ", u.getMetadata().getName(), op.toString(), resource.get("type").toString(), pattern,
                            resource.get("name").toString()).toLowerCase(Locale.ROOT));
                }
            }
        }
        return acls;
    }

    @Test
    void theScriptsGrantAcls() {
        // a guard on the parser: an empty file would make the comparison below compare nothing
        assertFalse(scriptAcls().isEmpty(), "scripts/kafka/acls.txt not parsed");
    }

    @TestFactory
    Stream<DynamicTest> everyOverlayGrantsExactlyTheAclsTheLocalBrokerRunsWith() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            List<GenericKubernetesResource> users = Kustomize.custom(r.objects(), "KafkaUser");
            Problems p = new Problems();
            for (GenericKubernetesResource u : users) {
                String where = r.overlay() + " KafkaUser " + u.getMetadata().getName();
                p.check("scram-sha-512".equals(u.get("spec", "authentication", "type")), where + " does not authenticate with SCRAM-SHA-512");
                p.check("simple".equals(u.get("spec", "authorization", "type")), where + " has no simple authorization");
                var labels = u.getMetadata().getLabels();
                p.check(labels != null && "pulse-kafka".equals(labels.get("strimzi.io/cluster")), where + " has no strimzi.io/cluster label");
            }
            p.assertNone("KafkaUsers");
            assertEquals(scriptAcls(), strimziAcls(users), r.overlay() + ": KafkaUser ACLs differ from scripts/kafka/acls.txt");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyServiceConnectsAsItsOwnUser() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Set<String> users = new TreeSet<>();
            Kustomize.custom(r.objects(), "KafkaUser").forEach(u -> users.add(u.getMetadata().getName()));
            Problems p = new Problems();
            for (Deployment d : r.deployments()) {
                String service = Rendered.serviceName(d);
                EnvVar jaas = Rendered.container(d).getEnv().stream().filter(e -> e.getName().equals("KAFKA_SASL_JAAS_CONFIG"))
                        .findFirst().orElse(null);
                var ref = jaas == null || jaas.getValueFrom() == null ? null : jaas.getValueFrom().getSecretKeyRef();
                p.check(ref != null, r.overlay() + " " + service + " reads no KAFKA_SASL_JAAS_CONFIG from a Secret");
                if (ref != null) {
                    p.check(service.equals(ref.getName()) && "sasl.jaas.config".equals(ref.getKey()),
                            r.overlay() + " " + service + " reads its Kafka credentials from " + ref.getName() + "/" + ref.getKey()
                                    + ", not from its own KafkaUser's Secret " + service + "/sasl.jaas.config");
                }
                p.check(users.contains(service), r.overlay() + " has no KafkaUser " + service);
            }
            p.assertNone("Kafka credentials");
        }));
    }

    @Test
    void subscribersReadThePublicStreamOnly() {
        Problems p = new Problems();
        for (String acl : scriptAcls()) {
            String[] f = acl.split(" ");
            if (f[0].startsWith("public-")) {
                p.check(!f[2].equals("topic") || (f[4].equals(PUBLIC_TOPIC) && f[1].equals("read")),
                        "a subscriber is granted " + acl + ": subscribers only read " + PUBLIC_TOPIC);
            }
        }
        p.assertNone("subscriber ACLs");
    }
}
