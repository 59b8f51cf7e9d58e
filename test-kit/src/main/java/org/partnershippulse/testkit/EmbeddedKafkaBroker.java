package org.partnershippulse.testkit;

import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft Kafka broker inside the test JVM (no Docker here). It can be stopped and started again
 * on the same port and log directory, which is how the outage tests take the broker away under a running service.
 */
public final class EmbeddedKafkaBroker {

    /** The topics of the system, with their partition counts, as in deploy/ and scripts/lib.sh. */
    public static final Map<String, Integer> TOPICS = Map.of(
            "pulse.partnership.v1", 3,
            "pulse.assessment.v1", 3,
            "pulse.public.v1", 3,
            "pulse.reporting.v1", 3,
            "pulse.reporting.dlq.v1", 1,
            "pulse.assessment.dlq.v1", 1,
            "pulse.partnership.dlq.v1", 1);

    private static EmbeddedKafkaBroker shared;

    private final Properties config;
    private final String bootstrapServers;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Properties config, String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    /** The broker of this test JVM, started on first use. */
    public static synchronized EmbeddedKafkaBroker shared() {
        if (shared == null) {
            shared = create();
            shared.start();
            shared.createTopics(TOPICS);
        }
        return shared;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        awaitLeaders();
    }

    /** After a restart, clients only make progress once every partition has a leader again. */
    private void awaitLeaders() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers, "default.api.timeout.ms", "5000", "request.timeout.ms", "5000"))) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                try {
                    Set<String> names = admin.listTopics().names().get();
                    boolean led = names.isEmpty() || admin.describeTopics(names).allTopicNames().get().values().stream()
                            .allMatch(t -> t.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                    if (led) {
                        return;
                    }
                } catch (Exception e) {
                    // not ready yet
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public void createTopics(Map<String, Integer> topics) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            Collection<NewTopic> missing = topics.entrySet().stream()
                    .filter(t -> !existing.contains(t.getKey()))
                    .map(t -> new NewTopic(t.getKey(), t.getValue(), (short) 1))
                    .toList();
            admin.createTopics(missing).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not create test topics", e);
        }
    }

    private static EmbeddedKafkaBroker create() {
        try {
            Path dir = Files.createTempDirectory("pulse-kraft");
            int brokerPort = freePort();
            int controllerPort = freePort();
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
            p.put("log.dirs", dir.resolve("data").toString());
            p.put("num.partitions", "1");
            p.put("auto.create.topics.enable", "false");
            p.put("offsets.topic.replication.factor", "1");
            p.put("offsets.topic.num.partitions", "3");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("share.coordinator.state.topic.replication.factor", "1");
            p.put("share.coordinator.state.topic.min.isr", "1");
            p.put("group.initial.rebalance.delay.ms", "0");
            Path file = dir.resolve("server.properties");
            try (Writer w = Files.newBufferedWriter(file)) {
                p.store(w, null);
            }
            int rc = kafka.tools.StorageTool.execute(new String[] {
                    "format", "-t", Uuid.randomUuid().toString(), "-c", file.toString(), "--ignore-formatted" }, System.out);
            if (rc != 0) {
                throw new IllegalStateException("Kafka storage format failed with " + rc);
            }
            return new EmbeddedKafkaBroker(p, "127.0.0.1:" + brokerPort);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public static List<String> topicNames() {
        return List.copyOf(TOPICS.keySet());
    }
}
