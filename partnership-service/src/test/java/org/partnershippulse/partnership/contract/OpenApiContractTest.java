package org.partnershippulse.partnership.contract;

import io.quarkus.test.junit.QuarkusTest;
import org.partnershippulse.testkit.OpenApiContractCheck;

@QuarkusTest
class OpenApiContractTest extends OpenApiContractCheck {

    @Override
    protected String service() {
        return "partnership-service";
    }
}
