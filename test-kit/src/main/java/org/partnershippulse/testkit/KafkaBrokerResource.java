package org.partnershippulse.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the in-JVM broker once for all {@code @QuarkusTest}s and points the application at it. */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", EmbeddedKafkaBroker.shared().bootstrapServers());
    }

    @Override
    public void stop() {
        EmbeddedKafkaBroker.shared().stop();
    }
}
