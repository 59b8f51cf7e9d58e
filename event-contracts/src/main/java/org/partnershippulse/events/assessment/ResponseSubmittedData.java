package org.partnershippulse.events.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * assessment.response-submitted: one revision of a response, every answer and reflection. Internal only (it is
 * what the privacy model keeps from subscribers).
 */
public record ResponseSubmittedData(UUID roundId, UUID partnershipId, String instrumentKey, Integer instrumentVersion,
        UUID responseId, Integer revision, UUID respondentId, UUID organisationId, String organisationName,
        String sector, List<String> roles, String language, List<Answer> answers, List<Reflection> reflections,
        Instant submittedAt) {

    /** A rated item's answer. */
    public record Answer(String itemKey, String value, String note) {
    }

    /** A free-text item's answer. */
    public record Reflection(String itemKey, String text) {
    }
}
