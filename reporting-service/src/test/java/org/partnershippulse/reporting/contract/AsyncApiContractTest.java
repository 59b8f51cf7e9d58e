package org.partnershippulse.reporting.contract;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.partnershippulse.events.reporting.ReportingEventType;
import org.partnershippulse.testkit.AsyncApiContractCheck;

class AsyncApiContractTest extends AsyncApiContractCheck {

    @Override
    protected Map<String, String> topicsByEventType() {
        return Arrays.stream(ReportingEventType.values())
                .collect(Collectors.toMap(ReportingEventType::type, ReportingEventType::topic));
    }
}
