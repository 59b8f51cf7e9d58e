package org.partnershippulse.kit.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings for a Kafka client a service makes by hand (a rebuild's consumer, an admin client): the service's own
 * {@code kafka.*} configuration (bootstrap servers, TLS, SASL principal), as its channels get it, plus the client's
 * own settings. A hand-made client built from bootstrap servers alone would be refused by a secured broker.
 */
@ApplicationScoped
public class KafkaClients {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> serviceConfig;

    /** The service's connection settings overlaid with {@code own} (group id, offsets, fetch sizes...). */
    public Map<String, Object> config(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(serviceConfig);
        // the default group (the application's name) is the channels' business, never a hand-made client's
        config.remove("group.id");
        config.putAll(own);
        return config;
    }
}
