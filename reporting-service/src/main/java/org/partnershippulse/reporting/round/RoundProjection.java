package org.partnershippulse.reporting.round;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.partnershippulse.kit.events.PoisonEventException;

/**
 * Applies the round and response events to the read models. Runs in the caller's transaction (the consumer's or the
 * rebuild's), after the inbox has accepted the event: each event changes the counts once. Every check that makes an
 * event poison comes before the first write, and the methods are not intercepted, so that a poison event never
 * dooms a rebuild's transaction.
 */
@ApplicationScoped
public class RoundProjection {

    /** Rows per upsert statement. */
    private static final int CHUNK = 400;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    public record RoundData(UUID roundId, UUID partnershipId, String title, String instrumentKey,
                            Integer instrumentVersion, JsonNode instrument, String confidentiality,
                            Integer minimumGroupSize, List<String> allowedBreakdowns, String declaredDimension,
                            Integer invitedCount, Map<String, Integer> invitedBySector,
                            Map<String, Integer> invitedByRole, Instant openedAt, Instant closedAt) {
    }

    public record Answer(String itemKey, String value, String note) {
    }

    public record Reflection(String itemKey, String text) {
    }

    public record ResponseData(UUID roundId, UUID partnershipId, UUID responseId, Integer revision, UUID respondentId, String sector,
                               List<String> roles, List<Answer> answers, List<Reflection> reflections,
                               Instant submittedAt) {
    }

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

    /**
     * Keeps the highest revision of each response, whatever the arrival order: an older revision arriving late
     * changes nothing; a newer one replaces the earlier one's answers in the counts.
     */
    public void response(ResponseData d) {
        require(d.roundId() != null && d.responseId() != null && d.revision() != null && d.revision() >= 1
                && d.answers() != null, "response event without roundId, responseId, revision or answers");
        Map<String, String> answers = new LinkedHashMap<>();
        for (Answer a : d.answers()) {
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
        ResponseView existing = em.find(ResponseView.class, d.responseId(), LockModeType.PESSIMISTIC_WRITE);
        if (existing != null && existing.revision >= d.revision()) {
            return;
        }
        CountDeltas deltas = new CountDeltas();
        if (existing != null) {
            require(existing.roundId.equals(d.roundId()), "response " + d.responseId() + " moved to another round");
            deltas.subtract(contribution(existing));
        }
        ResponseView view = existing != null ? existing : new ResponseView();
        view.id = d.responseId();
        view.roundId = d.roundId();
        view.revision = d.revision();
        view.respondentId = d.respondentId();
        view.sector = d.sector() == null || d.sector().isBlank() ? CountDeltas.UNKNOWN_SECTOR : d.sector();
        view.roles = String.join(",", d.roles() == null ? List.of() : d.roles());
        view.answers = json(answers);
        view.submittedAt = d.submittedAt() == null ? Instant.now() : d.submittedAt();
        deltas.add(contribution(view));
        if (existing == null) {
            view.persist();
        }
        applyCounts(d.roundId(), deltas);
        replaceReflections(d);
    }

    private CountDeltas.Contribution contribution(ResponseView view) {
        List<String> roles = view.roles.isBlank() ? List.of() : Arrays.asList(view.roles.split(","));
        try {
            Map<String, String> answers = mapper.readValue(view.answers, new TypeReference<LinkedHashMap<String, String>>() {
            });
            return new CountDeltas.Contribution(view.sector, roles, answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response_view " + view.id + " holds unreadable answers", e);
        }
    }

    private void applyCounts(UUID roundId, CountDeltas deltas) {
        List<Map.Entry<CountDeltas.Group, Integer>> respondents = new ArrayList<>(deltas.respondents().entrySet());
        for (int from = 0; from < respondents.size(); from += CHUNK) {
            List<Map.Entry<CountDeltas.Group, Integer>> chunk = respondents.subList(from, Math.min(from + CHUNK, respondents.size()));
            StringBuilder sql = new StringBuilder("insert into respondent_count (round_id, breakdown, group_key, count) values ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?1, ?").append(2 + i * 3).append(", ?").append(3 + i * 3)
                        .append(", ?").append(4 + i * 3).append(")");
            }
            sql.append(" on conflict (round_id, breakdown, group_key) do update set count = respondent_count.count + excluded.count");
            Query q = em.createNativeQuery(sql.toString()).setParameter(1, roundId);
            for (int i = 0; i < chunk.size(); i++) {
                q.setParameter(2 + i * 3, chunk.get(i).getKey().breakdown());
                q.setParameter(3 + i * 3, chunk.get(i).getKey().key());
                q.setParameter(4 + i * 3, chunk.get(i).getValue());
            }
            q.executeUpdate();
        }
        List<Map.Entry<CountDeltas.AnswerKey, Integer>> answers = new ArrayList<>(deltas.answers().entrySet());
        for (int from = 0; from < answers.size(); from += CHUNK) {
            List<Map.Entry<CountDeltas.AnswerKey, Integer>> chunk = answers.subList(from, Math.min(from + CHUNK, answers.size()));
            StringBuilder sql = new StringBuilder(
                    "insert into answer_count (round_id, breakdown, group_key, item_key, option_value, count) values ");
            for (int i = 0; i < chunk.size(); i++) {
                int p = 2 + i * 5;
                sql.append(i == 0 ? "" : ",").append("(?1, ?").append(p).append(", ?").append(p + 1).append(", ?")
                        .append(p + 2).append(", ?").append(p + 3).append(", ?").append(p + 4).append(")");
            }
            sql.append(" on conflict (round_id, breakdown, group_key, item_key, option_value)"
                    + " do update set count = answer_count.count + excluded.count");
            Query q = em.createNativeQuery(sql.toString()).setParameter(1, roundId);
            for (int i = 0; i < chunk.size(); i++) {
                int p = 2 + i * 5;
                CountDeltas.AnswerKey key = chunk.get(i).getKey();
                q.setParameter(p, key.group().breakdown());
                q.setParameter(p + 1, key.group().key());
                q.setParameter(p + 2, key.itemKey());
                q.setParameter(p + 3, key.optionValue());
                q.setParameter(p + 4, chunk.get(i).getValue());
            }
            q.executeUpdate();
        }
    }

    /** Free text is listed without author: the rows carry the response id only to be replaced by a later revision. */
    private void replaceReflections(ResponseData d) {
        em.createNativeQuery("delete from reflection_view where response_id = ?1").setParameter(1, d.responseId()).executeUpdate();
        List<Object[]> rows = new ArrayList<>();
        if (d.reflections() != null) {
            for (Reflection r : d.reflections()) {
                if (r != null && r.itemKey() != null && r.text() != null && !r.text().isBlank()) {
                    rows.add(new Object[] { r.itemKey(), "REFLECTION", r.text().strip() });
                }
            }
        }
        for (Answer a : d.answers()) {
            if (a.note() != null && !a.note().isBlank()) {
                rows.add(new Object[] { a.itemKey(), "NOTE", a.note().strip() });
            }
        }
        for (Object[] row : rows) {
            em.createNativeQuery("insert into reflection_view (response_id, round_id, item_key, kind, text) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, d.responseId()).setParameter(2, d.roundId()).setParameter(3, row[0])
                    .setParameter(4, row[1]).setParameter(5, row[2]).executeUpdate();
        }
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
