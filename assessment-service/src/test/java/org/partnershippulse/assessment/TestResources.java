package org.partnershippulse.assessment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.partnershippulse.testkit.KafkaBrokerResource;

/** The real parts every {@code @QuarkusTest} of this service runs against: one broker, one OIDC test server. */
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestResources {
    private TestResources() {
    }
}
