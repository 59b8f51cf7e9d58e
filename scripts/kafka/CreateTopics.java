import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Creates the Partnership Pulse topics idempotently (single-file program, run by scripts/lib.sh):
 *
 * <pre>java -cp "$(cat kafka classpath)" scripts/kafka/CreateTopics.java 127.0.0.1:9092 \
 *     [--client-config pulse-admin.properties] [--acls scripts/kafka/acls.txt] topic:partitions...</pre>
 *
 * Missing topics are created (replication factor 1), topics with fewer partitions than asked are grown,
 * existing ones are left alone. With --acls (a file of "principal operation resource pattern name" lines), the
 * broker's ACLs are made exactly those: missing ones are created, any other is deleted. --client-config holds the
 * admin's connection settings (SASL_SSL as pulse-admin). Exits non-zero if the broker cannot be reached within 60 s.
 */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CreateTopics <bootstrap> [--client-config file] [--acls file] <topic:partitions>...");
            System.exit(2);
        }
        Map<String, Integer> wanted = new LinkedHashMap<>();
        Properties props = new Properties();
        Path acls = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--client-config")) {
                try (Reader r = Files.newBufferedReader(Path.of(args[++i]))) {
                    props.load(r);
                }
            } else if (args[i].equals("--acls")) {
                String file = args[++i];
                acls = file.isBlank() ? null : Path.of(file); // empty: no ACLs (a plaintext broker has no authorizer)
            } else {
                String[] parts = args[i].split(":");
                wanted.put(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
            }
        }
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
            if (acls != null) {
                syncAcls(admin, readAcls(acls));
            }
            admin.close(Duration.ofSeconds(5));
        }
    }

    /** Lines "principal operation resource pattern name"; # starts a comment. */
    static Set<AclBinding> readAcls(Path file) throws IOException {
        Set<AclBinding> acls = new HashSet<>();
        for (String line : Files.readAllLines(file)) {
            String l = line.replaceFirst("#.*", "").trim();
            if (l.isEmpty()) {
                continue;
            }
            String[] f = l.split("\\s+");
            if (f.length != 5) {
                throw new IllegalArgumentException(file + ": expected 5 fields, got: " + line);
            }
            acls.add(new AclBinding(
                    new ResourcePattern(ResourceType.fromString(f[2]), f[4], PatternType.fromString(f[3].toUpperCase(Locale.ROOT))),
                    new AccessControlEntry("User:" + f[0], "*", AclOperation.fromString(f[1]), AclPermissionType.ALLOW)));
        }
        for (AclBinding b : acls) {
            if (b.isUnknown()) {
                throw new IllegalArgumentException(file + ": unknown operation, resource or pattern in " + b);
            }
        }
        return acls;
    }

    /** Makes the broker's ACLs exactly {@code wanted}. */
    static void syncAcls(Admin admin, Set<AclBinding> wanted) throws Exception {
        Set<AclBinding> present = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get());
        List<AclBinding> create = wanted.stream().filter(b -> !present.contains(b)).toList();
        List<AclBindingFilter> delete = present.stream().filter(b -> !wanted.contains(b)).map(AclBinding::toFilter).toList();
        if (!create.isEmpty()) {
            admin.createAcls(create).all().get();
        }
        if (!delete.isEmpty()) {
            admin.deleteAcls(delete).all().get();
        }
        System.out.println("ACLs: " + wanted.size() + " (" + create.size() + " created, " + delete.size() + " deleted)");
    }
}
