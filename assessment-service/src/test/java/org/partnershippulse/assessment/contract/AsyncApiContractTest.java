package org.partnershippulse.assessment.contract;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.testkit.AsyncApiContractCheck;

class AsyncApiContractTest extends AsyncApiContractCheck {

    @Override
    protected Map<String, String> topicsByEventType() {
        return Arrays.stream(AssessmentEventType.values())
                .collect(Collectors.toMap(AssessmentEventType::type, AssessmentEventType::topic));
    }
}
