package org.partnershippulse.reporting.round;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershippulse.events.assessment.ResponseSubmittedData;

/** The network_rating rows of relationship rounds' responses: each new revision replaces its response's ratings. */
@ApplicationScoped
public class NetworkRatingRows {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    void replace(List<ResponseSubmittedData> latest) {
        for (ResponseSubmittedData d : latest) {
            if (d.ratings() == null) {
                continue;
            }
            em.createNativeQuery("delete from network_rating where response_id = ?1").setParameter(1, d.responseId())
                    .executeUpdate();
            for (ResponseSubmittedData.Rating r : d.ratings()) {
                Map<String, String> answers = new LinkedHashMap<>();
                if (r.answers() != null) {
                    r.answers().forEach(a -> answers.put(a.itemKey(), a.value()));
                }
                em.createNativeQuery("""
                                insert into network_rating (round_id, response_id, rater_organisation_id, rated_organisation_id,
                                    skipped, answers) values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))
                                on conflict (response_id, rated_organisation_id) do update set skipped = excluded.skipped,
                                    answers = excluded.answers""")
                        .setParameter(1, d.roundId()).setParameter(2, d.responseId()).setParameter(3, d.organisationId())
                        .setParameter(4, r.organisationId()).setParameter(5, Boolean.TRUE.equals(r.skipped()))
                        .setParameter(6, json(answers)).executeUpdate();
            }
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
