package org.partnershippulse.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every topic the code names (the services' messaging properties and Java sources, test-kit's broker) is declared as
 * a Strimzi KafkaTopic in every overlay, with the retention the event-sourced reporting relies on, and no consumer
 * can scale beyond the partitions it shares.
 */
class KafkaTopicsTest {

    static Map<String, GenericKubernetesResource> topics(Rendered r) {
        Map<String, GenericKubernetesResource> byName = new TreeMap<>();
        for (GenericKubernetesResource t : Kustomize.custom(r.objects(), "KafkaTopic")) {
            Object topicName = t.get("spec", "topicName");
            byName.put(topicName != null ? topicName.toString() : t.getMetadata().getName(), t);
        }
        return byName;
    }

    static int partitions(GenericKubernetesResource topic) {
        return ((Number) topic.get("spec", "partitions")).intValue();
    }

    @Test
    void theCodeNamesTopics() {
        // A guard on the parsers: no topics found would make the checks below pass vacuously.
        assertFalse(Project.allTopicsInCode().isEmpty(), "no topics found in the services' properties, sources or test-kit");
        assertFalse(Project.testBrokerTopics().isEmpty(), "EmbeddedKafkaBroker.TOPICS not parsed");
        assertFalse(Project.scriptTopics().isEmpty(), "PULSE_TOPICS of scripts/lib.sh not parsed");
    }

    @TestFactory
    Stream<DynamicTest> everyTopicTheCodeNamesIsAKafkaTopicOfTheStrimziCluster() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            Map<String, GenericKubernetesResource> declared = topics(r);
            Set<String> named = Project.allTopicsInCode();
            for (String topic : named) {
                p.check(declared.containsKey(topic), r.overlay() + " declares no KafkaTopic " + topic + " (named by the code)");
            }
            for (var e : declared.entrySet()) {
                GenericKubernetesResource t = e.getValue();
                String where = r.overlay() + " KafkaTopic " + e.getKey();
                var labels = t.getMetadata().getLabels();
                p.check(labels != null && labels.get("strimzi.io/cluster") != null, where + " has no strimzi.io/cluster label");
                p.check(t.get("spec", "partitions") instanceof Number, where + " has no partitions");
                p.check(t.get("spec", "replicas") instanceof Number, where + " has no replicas");
                Object policy = t.get("spec", "config", "cleanup.policy");
                p.check("delete".equals(policy), where + " cleanup.policy is " + policy + ", expected delete");
                Object retention = t.get("spec", "config", "retention.ms");
                if (e.getKey().contains(".dlq.")) {
                    p.check(t.get("spec", "partitions") instanceof Number n && n.intValue() == 1, where + " a dead-letter topic has one partition");
                    p.check(retention instanceof Number n && n.longValue() >= 30L * 24 * 3600 * 1000,
                            where + " keeps dead letters less than 30 days (" + retention + ")");
                } else {
                    // reporting-service rebuilds its read models from these topics: nothing may expire
                    p.check(retention instanceof Number n && n.longValue() == -1, where + " retention.ms is " + retention + ", expected -1");
                }
                Object replicas = t.get("spec", "replicas");
                Object minIsr = t.get("spec", "config", "min.insync.replicas");
                p.check(!(replicas instanceof Number rn) || !(minIsr instanceof Number mn) || mn.intValue() <= rn.intValue(),
                        where + " min.insync.replicas " + minIsr + " exceeds replicas " + replicas + ": producers with acks=all would fail");
            }
            // The test broker's partition counts are the dev sizes; no overlay may have fewer.
            Project.testBrokerTopics().forEach((topic, parts) -> {
                var t = declared.get(topic);
                p.check(t == null || partitions(t) >= parts, r.overlay() + " " + topic + " has fewer partitions than the tests use (" + parts + ")");
            });
            p.assertNone("topics");
        }));
    }

    /** Consumers beyond the partition count would sit idle: the autoscaler must stop at the partition count. */
    @TestFactory
    Stream<DynamicTest> noConsumerScalesBeyondThePartitionsOfTheTopicsItConsumes() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            Map<String, GenericKubernetesResource> declared = topics(r);
            for (var s : Project.services()) {
                var hpa = r.ofKind(HorizontalPodAutoscaler.class).stream()
                        .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(s.name())).findFirst();
                for (String topic : s.consumedTopics()) {
                    var t = declared.get(topic);
                    if (t == null || hpa.isEmpty()) {
                        continue; // reported by the other checks
                    }
                    int max = hpa.get().getSpec().getMaxReplicas();
                    p.check(max <= partitions(t), r.overlay() + " " + s.name() + " may scale to " + max + " pods but " + topic
                            + " has " + partitions(t) + " partitions");
                }
            }
            p.assertNone("consumer scaling");
        }));
    }

    /** One consumer group per service, named after it (the README and the subscribers' ACLs rely on this). */
    @Test
    void everyConsumerGroupIsNamedAfterItsService() {
        Problems p = new Problems();
        for (var s : Project.services()) {
            s.consumerGroups().forEach((topic, group) -> p.check(s.name().equals(group),
                    s.name() + " consumes " + topic + " in group " + group + ", expected " + s.name()));
        }
        p.assertNone("consumer groups");
    }
}
