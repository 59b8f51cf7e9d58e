import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the Partnership Pulse topics idempotently (single-file program, run by scripts/lib.sh):
 *
 * <pre>java -cp "$(cat kafka classpath)" scripts/kafka/CreateTopics.java 127.0.0.1:9092 topic:partitions...</pre>
 *
 * Missing topics are created (replication factor 1), topics with fewer partitions than asked are grown,
 * existing ones are left alone. Exits non-zero if the broker cannot be reached within 60 s.
 */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CreateTopics <bootstrap> <topic:partitions>...");
            System.exit(2);
        }
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] parts = args[i].split(":");
            wanted.put(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "pulse-create-topics");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> toCreate = new ArrayList<>();
            for (var e : wanted.entrySet()) {
                if (!existing.contains(e.getKey())) {
                    toCreate.add(new NewTopic(e.getKey(), e.getValue(), (short) 1));
                }
            }
            if (!toCreate.isEmpty()) {
                var result = admin.createTopics(toCreate);
                for (NewTopic t : toCreate) {
                    try {
                        result.values().get(t.name()).get();
                        System.out.println("created topic " + t.name() + " (" + t.numPartitions() + " partitions)");
                    } catch (ExecutionException ex) {
                        if (!(ex.getCause() instanceof TopicExistsException)) {
                            throw ex;
                        }
                    }
                }
            }
            Map<String, TopicDescription> described = admin.describeTopics(wanted.keySet()).allTopicNames().get();
            Map<String, NewPartitions> grow = new LinkedHashMap<>();
            for (var e : wanted.entrySet()) {
                int have = described.get(e.getKey()).partitions().size();
                if (have < e.getValue()) {
                    grow.put(e.getKey(), NewPartitions.increaseTo(e.getValue()));
                } else if (!toCreate.stream().anyMatch(t -> t.name().equals(e.getKey()))) {
                    System.out.println("topic " + e.getKey() + " exists (" + have + " partitions)");
                }
            }
            if (!grow.isEmpty()) {
                admin.createPartitions(grow).all().get();
                grow.keySet().forEach(t -> System.out.println("grew topic " + t + " to " + wanted.get(t) + " partitions"));
            }
            admin.close(Duration.ofSeconds(5));
        }
    }
}
