package org.partnershippulse.assessment;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.partnershippulse.testkit.EmbeddedKafkaBroker;

/**
 * Creates this service's dead-letter topic on the test broker before the application starts (the shared topic
 * list in test-kit does not have it yet).
 */
public class AssessmentTopicsResource implements QuarkusTestResourceLifecycleManager {

    public static final String DLQ = "pulse.assessment.dlq.v1";

    @Override
    public Map<String, String> start() {
        EmbeddedKafkaBroker.shared().createTopics(Map.of(DLQ, 1));
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
