package org.partnershippulse.reporting.round;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.partnershippulse.events.assessment.ResponseSubmittedData;
import org.partnershippulse.events.assessment.RoundData;
import org.partnershippulse.kit.events.PoisonEventException;

/**
 * Applies the round and response events to the read models. Runs in the caller's transaction (the consumer's or the
 * rebuild's), after the inbox has accepted the event: each event changes the counts once. Every check that makes an
 * event poison comes before the first write, and the methods are not intercepted, so that a poison event never
 * dooms a rebuild's transaction.
 */
@ApplicationScoped
public class RoundProjection {

    @Inject
    ResponseRows responseRows;

    @Inject
    NetworkRatingRows networkRatings;

    @Inject
    ObjectMapper mapper;

    public void round(RoundData d, String status) {
        require(d.roundId() != null && d.partnershipId() != null && d.instrumentKey() != null
                && d.instrumentVersion() != null && d.instrument() != null && d.instrument().isObject()
                && d.minimumGroupSize() != null && d.minimumGroupSize() >= 1 && d.invitedCount() != null,
                "round event without roundId, partnershipId, instrument, minimumGroupSize or invitedCount");
        require(d.instrumentKey().length() <= 200 && (d.title() == null || d.title().length() <= 300)
                && (d.declaredDimension() == null || d.declaredDimension().length() <= 30)
                && (d.confidentiality() == null || d.confidentiality().length() <= 20),
                "round event with an instrumentKey, title, declaredDimension or confidentiality too long");
        InstrumentSnapshot snapshot;
        try {
            snapshot = mapper.treeToValue(d.instrument(), InstrumentSnapshot.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("round event with an unreadable instrument: " + e.getMessage());
        }
        require(!snapshot.sections().isEmpty() && !snapshot.scales().isEmpty(), "round instrument without sections or scales");
        RoundView round = RoundView.findById(d.roundId());
        if (round == null) {
            round = new RoundView();
            round.id = d.roundId();
        }
        round.partnershipId = d.partnershipId();
        round.title = d.title() == null ? "" : d.title();
        round.instrumentKey = d.instrumentKey();
        round.instrumentVersion = d.instrumentVersion();
        round.instrument = d.instrument().toString();
        round.status = status;
        round.confidentiality = d.confidentiality() == null ? "CONFIDENTIAL" : d.confidentiality();
        round.minimumGroupSize = d.minimumGroupSize();
        round.allowedBreakdowns = String.join(",", d.allowedBreakdowns() == null ? List.of() : d.allowedBreakdowns());
        round.declaredDimension = d.declaredDimension();
        round.invitedCount = d.invitedCount();
        round.invitedBySector = json(d.invitedBySector() == null ? Map.of() : d.invitedBySector());
        round.invitedByRole = json(d.invitedByRole() == null ? Map.of() : d.invitedByRole());
        round.openedAt = d.openedAt();
        round.closedAt = d.closedAt();
        round.persist();
    }

    /** A response event of a batch, checked on its own, with its answers by item key. */
    public record Submitted(int position, ResponseSubmittedData data, Map<String, String> answers) {
    }

    /** Checks what a response event can be checked for on its own: anything missing or too long makes it poison. */
    public Submitted prepare(int position, ResponseSubmittedData d) {
        require(d.roundId() != null && d.responseId() != null && d.revision() != null && d.revision() >= 1
                && d.answers() != null, "response event without roundId, responseId, revision or answers");
        Map<String, String> answers = new LinkedHashMap<>();
        for (ResponseSubmittedData.Answer a : d.answers()) {
            require(a != null && a.itemKey() != null && !a.itemKey().isBlank() && a.value() != null,
                    "response answer without itemKey or value");
            require(a.itemKey().length() <= 200 && a.value().length() <= 200, "response answer longer than 200 characters");
            answers.put(a.itemKey(), a.value());
        }
        require(d.sector() == null || d.sector().length() <= 60, "response sector longer than 60 characters");
        require(d.roles() == null || d.roles().stream().allMatch(r -> r != null && r.length() <= 60 && !r.contains(",")),
                "response roles must be names of at most 60 characters");
        require(d.reflections() == null || d.reflections().stream().allMatch(r -> r == null || r.itemKey() == null
                || r.itemKey().length() <= 200), "response reflection itemKey longer than 200 characters");
        require(d.ratings() == null || d.organisationId() != null && d.ratings().stream().allMatch(r -> r != null
                && r.organisationId() != null && (r.answers() == null || r.answers().stream().allMatch(a -> a != null
                && a.itemKey() != null && a.value() != null && a.itemKey().length() <= 200 && a.value().length() <= 200))),
                "response ratings without the respondent's or the rated organisationId, or with an answer without itemKey or value");
        return new Submitted(position, d, answers);
    }

    /**
     * Applies the response events of a batch, in their order, keeping the highest revision of each response whatever
     * the arrival order: an older revision arriving late changes nothing; a newer one replaces the earlier one's
     * answers in the counts. The net change of the whole batch is written at the end (responses, counts,
     * reflections: a few statements, however many events).
     *
     * @param changedRounds receives the rounds whose responses changed (their results change only in a release)
     * @return position → reason of the events that contradict the stored state (a response moving to another round)
     */
    public Map<Integer, PoisonEventException> responses(List<Submitted> batch, java.util.Set<UUID> changedRounds) {
        Map<Integer, PoisonEventException> poison = new LinkedHashMap<>();
        if (batch.isEmpty()) {
            return poison;
        }
        responseRows.lockRounds(batch.stream().map(s -> s.data().roundId()).distinct().sorted().toList());
        Map<UUID, ResponseRows.Stored> latest = responseRows.lockAndLoad(batch.stream().map(s -> s.data().responseId()).distinct().toList());
        java.util.Set<UUID> stored = new java.util.HashSet<>(latest.keySet());
        Map<UUID, Submitted> replaced = new LinkedHashMap<>();
        Map<UUID, CountDeltas> deltas = new LinkedHashMap<>();
        for (Submitted s : batch) {
            ResponseSubmittedData d = s.data();
            ResponseRows.Stored existing = latest.get(d.responseId());
            if (existing != null && existing.revision() >= d.revision()) {
                continue;
            }
            if (existing != null && !existing.roundId().equals(d.roundId())) {
                poison.put(s.position(), new PoisonEventException("response " + d.responseId() + " moved to another round"));
                continue;
            }
            CountDeltas roundDeltas = deltas.computeIfAbsent(d.roundId(), r -> new CountDeltas());
            if (existing != null) {
                roundDeltas.subtract(existing.contribution(mapper));
            }
            ResponseRows.Stored now = ResponseRows.Stored.of(d, s.answers(), json(s.answers()));
            roundDeltas.add(now.contribution(mapper));
            latest.put(d.responseId(), now);
            replaced.put(d.responseId(), s);
            changedRounds.add(d.roundId());
        }
        java.util.Set<UUID> fresh = new java.util.HashSet<>(replaced.keySet());
        fresh.removeAll(stored);
        responseRows.write(replaced.keySet().stream().map(latest::get).toList(), fresh);
        responseRows.addCounts(deltas);
        responseRows.replaceReflections(replaced.values().stream().map(s -> s.data()).toList());
        networkRatings.replace(replaced.values().stream().map(s -> s.data()).toList());
        return poison;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new PoisonEventException(reason);
        }
    }
}
