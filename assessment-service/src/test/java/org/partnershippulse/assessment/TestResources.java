package org.partnershippulse.assessment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.partnershippulse.testkit.KafkaBrokerResource;

/** The real parts every {@code @QuarkusTest} of this service runs against: one broker (with this service's dead-letter topic), one OIDC test server. */
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(AssessmentTopicsResource.class)
public final class TestResources {
    private TestResources() {
    }
}
