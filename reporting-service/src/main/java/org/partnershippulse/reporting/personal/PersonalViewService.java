package org.partnershippulse.reporting.personal;

import org.partnershippulse.kit.security.RespondentIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.security.CurrentUser;
import org.partnershippulse.reporting.partnership.ReportAccess;
import org.partnershippulse.reporting.round.InstrumentSnapshot;
import org.partnershippulse.reporting.round.ResponseView;
import org.partnershippulse.reporting.round.RoundView;
import org.partnershippulse.reporting.roundreport.RoundReportService;

/**
 * Finds the caller's own response by the respondentId assessment-service derives from their login and the round
 * ({@link RespondentIds}, key {@code PULSE_RESPONDENT_KEY} shared by both services). Whoever has no response in the
 * round (or when no key is configured) is told there is none: 404, as for a round that does not exist.
 */
@ApplicationScoped
public class PersonalViewService {

    @Inject
    CurrentUser currentUser;

    @Inject
    RoundReportService reports;

    @Inject
    ReportAccess access;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "pulse.respondent-key")
    Optional<String> respondentKey;

    @Transactional(Transactional.TxType.SUPPORTS)
    public PersonalView mine(UUID roundId, String language) {
        RoundView round = RoundView.findById(roundId);
        String subject = currentUser.subject();
        // A former member (roles revoked) sees nothing of the partnership, not even beside their own answers.
        if (round == null || subject == null || respondentKey.isEmpty() || respondentKey.get().isBlank()
                || !access.canRead(round.partnershipId)) {
            throw ProblemException.notFound("Response to round", roundId);
        }
        UUID respondentId = RespondentIds.of(respondentKey.get(), subject, roundId);
        ResponseView response = ResponseView.<ResponseView>find("roundId = ?1 and respondentId = ?2", roundId, respondentId)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Response to round", roundId));
        InstrumentSnapshot instrument = read(round.instrument, new TypeReference<>() {
        });
        Map<String, String> answers = read(response.answers, new TypeReference<LinkedHashMap<String, String>>() {
        });
        return PersonalViews.of(reports.build(round, language), instrument, response.revision, response.submittedAt,
                answers, texts(response.id), language);
    }

    @SuppressWarnings("unchecked")
    private List<PersonalView.Text> texts(UUID responseId) {
        List<Object[]> rows = em.createNativeQuery(
                        "select item_key, kind, text from reflection_view where response_id = ?1 order by item_key, kind")
                .setParameter(1, responseId).getResultList();
        return rows.stream().map(r -> new PersonalView.Text((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable read model JSON", e);
        }
    }
}
