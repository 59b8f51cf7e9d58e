package org.partnershippulse.partnership;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.partnershippulse.testkit.KafkaBrokerResource;

/** The real parts every {@code @QuarkusTest} of this service runs against: one broker, one OIDC test server,
 * one SMTP server (GreenMail). */
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GreenMailResource.class)
public final class TestResources {
    private TestResources() {
    }
}
