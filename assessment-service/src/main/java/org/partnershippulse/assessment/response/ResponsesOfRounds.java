package org.partnershippulse.assessment.response;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.partnershippulse.assessment.round.RoundResponses;

/** Answers rounds' questions about their responses from the responses' own table. */
@ApplicationScoped
public class ResponsesOfRounds implements RoundResponses {

    @Override
    public Set<UUID> submitters(UUID roundId) {
        return RoundResponse.<RoundResponse>list("roundId = ?1 and revision > 0", roundId).stream()
                .map(r -> r.personId).collect(Collectors.toSet());
    }

    @Override
    public long submittedCount(UUID roundId) {
        return RoundResponse.count("roundId = ?1 and revision > 0", roundId);
    }

    @Override
    public Optional<State> of(UUID roundId, UUID personId) {
        return RoundResponse.of(roundId, personId).map(r -> new State(r.status.name(), r.lastSubmittedAt));
    }
}
