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
        Instant submittedAt, List<Rating> ratings) {

    /** Every round but a relationship round: no ratings. */
    public ResponseSubmittedData(UUID roundId, UUID partnershipId, String instrumentKey, Integer instrumentVersion,
            UUID responseId, Integer revision, UUID respondentId, UUID organisationId, String organisationName,
            String sector, List<String> roles, String language, List<Answer> answers, List<Reflection> reflections,
            Instant submittedAt) {
        this(roundId, partnershipId, instrumentKey, instrumentVersion, responseId, revision, respondentId, organisationId,
                organisationName, sector, roles, language, answers, reflections, submittedAt, null);
    }

    /**
     * A relationship round's rating of one other member organisation, for the respondent's organisation (added
     * optional field: absent in other rounds). Skipped: the respondent could not judge it, and answers is empty.
     */
    public record Rating(UUID organisationId, Boolean skipped, List<Answer> answers) {
    }

    /** A rated item's answer. */
    public record Answer(String itemKey, String value, String note) {
    }

    /** A free-text item's answer. */
    public record Reflection(String itemKey, String text) {
    }
}
