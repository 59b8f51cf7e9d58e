package org.partnershippulse.partnership.contract;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.testkit.AsyncApiContractCheck;

class AsyncApiContractTest extends AsyncApiContractCheck {

    @Override
    protected Map<String, String> topicsByEventType() {
        return Arrays.stream(PartnershipEventType.values())
                .collect(Collectors.toMap(PartnershipEventType::type, PartnershipEventType::topic));
    }
}
