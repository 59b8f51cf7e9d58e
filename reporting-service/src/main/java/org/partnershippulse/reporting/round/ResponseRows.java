package org.partnershippulse.reporting.round;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.partnershippulse.reporting.config.ReportingConfig;
import org.postgresql.PGConnection;
import org.partnershippulse.events.assessment.ResponseSubmittedData;

/**
 * The response rows, counts and reflections of a batch, written with one statement per table whatever the number of
 * rows: the values travel as arrays and {@code unnest} turns them into rows. Runs in the caller's transaction.
 * Counts are written in key order, so that two transactions touching the same counts never wait for each other in
 * opposite orders.
 */
@ApplicationScoped
public class ResponseRows {

    @Inject
    EntityManager em;

    @Inject
    ReportingConfig config;

    /** The latest revision of a response as stored: what it counts for. */
    public record Stored(UUID id, UUID roundId, int revision, UUID respondentId, String sector, String roles,
                         String answersJson, Instant submittedAt, Map<String, String> answers) {

        static Stored of(ResponseSubmittedData d, Map<String, String> answers, String answersJson) {
            return new Stored(d.responseId(), d.roundId(), d.revision(), d.respondentId(),
                    d.sector() == null || d.sector().isBlank() ? CountDeltas.UNKNOWN_SECTOR : d.sector(),
                    String.join(",", d.roles() == null ? List.of() : d.roles()), answersJson,
                    d.submittedAt() == null ? Instant.now() : d.submittedAt(), answers);
        }

        CountDeltas.Contribution contribution(ObjectMapper mapper) {
            List<String> roleList = roles.isBlank() ? List.of() : Arrays.asList(roles.split(","));
            Map<String, String> values = answers;
            if (values == null) {
                try {
                    values = mapper.readValue(answersJson, new TypeReference<LinkedHashMap<String, String>>() {
                    });
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("response_view " + id + " holds unreadable answers", e);
                }
            }
            return new CountDeltas.Contribution(sector, roleList, values);
        }
    }

    /**
     * Locks the rows of these rounds until the transaction ends: a release ({@code ReleaseService#cut}) takes the same
     * lock, so it copies a round either before or after a batch's changes to it, never half of them.
     */
    void lockRounds(List<UUID> roundIds) {
        work(c -> {
            try (PreparedStatement s = c.prepareStatement("select id from round_view where id = any(?) order by id for update")) {
                s.setArray(1, c.createArrayOf("uuid", roundIds.toArray()));
                s.executeQuery().close();
            }
            return null;
        });
    }

    /** The stored latest revisions of these responses, locked until the transaction ends. */
    Map<UUID, Stored> lockAndLoad(List<UUID> ids) {
        return work(c -> {
            Map<UUID, Stored> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select id, round_id, revision, respondent_id, sector, roles, answers, submitted_at
                    from response_view where id = any(?) order by id for update""")) {
                s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        UUID id = r.getObject(1, UUID.class);
                        out.put(id, new Stored(id, r.getObject(2, UUID.class), r.getInt(3), r.getObject(4, UUID.class),
                                r.getString(5), r.getString(6), r.getString(7), r.getTimestamp(8).toInstant(), null));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Writes the latest revisions; {@code fresh} are those with no stored row (loaded and locked by
     * {@link #lockAndLoad} in this transaction, so none can appear meanwhile): inserted without a conflict check.
     */
    void write(List<Stored> rows, java.util.Set<UUID> fresh) {
        if (fresh.size() < config.readModels().copyFrom()) {
            upsert(rows);
            return;
        }
        List<Stored> stored = new ArrayList<>();
        List<Stored> created = new ArrayList<>();
        for (Stored row : rows) {
            (fresh.contains(row.id()) ? created : stored).add(row);
        }
        copy(created);
        upsert(stored);
    }

    /** New rows in COPY's text format: one round trip, no arrays to build and parse, no conflict handling. */
    private void copy(List<Stored> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 1_024);
        for (Stored r : rows) {
            text.append(r.id()).append('\t').append(r.roundId()).append('\t').append(r.revision()).append('\t');
            if (r.respondentId() == null) {
                text.append("\\N");
            } else {
                text.append(r.respondentId());
            }
            text.append('\t');
            escaped(text, r.sector()).append('\t');
            escaped(text, r.roles()).append('\t');
            escaped(text, r.answersJson()).append('\t').append(r.submittedAt()).append('\n');
        }
        work(c -> {
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy response_view (id, round_id, revision, respondent_id, sector, roles, answers, submitted_at)
                        from stdin""", new StringReader(text.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY into response_view failed", e);
            }
            return null;
        });
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped; null is \N. */
    private static StringBuilder escaped(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }

    void upsert(List<Stored> rows) {
        if (rows.isEmpty()) {
            return;
        }
        work(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into response_view (id, round_id, revision, respondent_id, sector, roles, answers, submitted_at)
                    select id, round_id, revision, respondent_id, sector, roles, answers, submitted_at::timestamptz
                    from unnest(?, ?, ?, ?, ?, ?, ?, ?)
                      as r(id, round_id, revision, respondent_id, sector, roles, answers, submitted_at)
                    on conflict (id) do update set revision = excluded.revision, respondent_id = excluded.respondent_id,
                      sector = excluded.sector, roles = excluded.roles, answers = excluded.answers,
                      submitted_at = excluded.submitted_at""")) {
                s.setArray(1, c.createArrayOf("uuid", rows.stream().map(Stored::id).toArray()));
                s.setArray(2, c.createArrayOf("uuid", rows.stream().map(Stored::roundId).toArray()));
                s.setArray(3, c.createArrayOf("int4", rows.stream().map(Stored::revision).toArray()));
                s.setArray(4, c.createArrayOf("uuid", rows.stream().map(Stored::respondentId).toArray()));
                s.setArray(5, c.createArrayOf("text", rows.stream().map(Stored::sector).toArray()));
                s.setArray(6, c.createArrayOf("text", rows.stream().map(Stored::roles).toArray()));
                s.setArray(7, c.createArrayOf("text", rows.stream().map(Stored::answersJson).toArray()));
                s.setArray(8, c.createArrayOf("text", rows.stream().map(r -> r.submittedAt().toString()).toArray()));
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Adds the net changes of a batch to the respondent and answer counts of each round. */
    void addCounts(Map<UUID, CountDeltas> byRound) {
        record Row(UUID round, String breakdown, String group, String item, String option, int delta) {
        }
        Comparator<Row> order = Comparator.comparing(Row::round).thenComparing(Row::breakdown).thenComparing(Row::group)
                .thenComparing(Row::item).thenComparing(Row::option);
        List<Row> respondents = new ArrayList<>();
        List<Row> answers = new ArrayList<>();
        byRound.forEach((round, deltas) -> {
            deltas.respondents().forEach((g, n) -> respondents.add(new Row(round, g.breakdown(), g.key(), "", "", n)));
            deltas.answers().forEach((k, n) -> answers.add(new Row(round, k.group().breakdown(), k.group().key(),
                    k.itemKey(), k.optionValue(), n)));
        });
        respondents.sort(order);
        answers.sort(order);
        work(c -> {
            if (!respondents.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("""
                        insert into respondent_count (round_id, breakdown, group_key, count)
                        select * from unnest(?, ?, ?, ?)
                        on conflict (round_id, breakdown, group_key) do update set count = respondent_count.count + excluded.count""")) {
                    s.setArray(1, c.createArrayOf("uuid", respondents.stream().map(Row::round).toArray()));
                    s.setArray(2, c.createArrayOf("text", respondents.stream().map(Row::breakdown).toArray()));
                    s.setArray(3, c.createArrayOf("text", respondents.stream().map(Row::group).toArray()));
                    s.setArray(4, c.createArrayOf("int4", respondents.stream().map(Row::delta).toArray()));
                    s.executeUpdate();
                }
            }
            if (!answers.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("""
                        insert into answer_count (round_id, breakdown, group_key, item_key, option_value, count)
                        select * from unnest(?, ?, ?, ?, ?, ?)
                        on conflict (round_id, breakdown, group_key, item_key, option_value)
                        do update set count = answer_count.count + excluded.count""")) {
                    s.setArray(1, c.createArrayOf("uuid", answers.stream().map(Row::round).toArray()));
                    s.setArray(2, c.createArrayOf("text", answers.stream().map(Row::breakdown).toArray()));
                    s.setArray(3, c.createArrayOf("text", answers.stream().map(Row::group).toArray()));
                    s.setArray(4, c.createArrayOf("text", answers.stream().map(Row::item).toArray()));
                    s.setArray(5, c.createArrayOf("text", answers.stream().map(Row::option).toArray()));
                    s.setArray(6, c.createArrayOf("int4", answers.stream().map(Row::delta).toArray()));
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * Free text is listed without author: the rows carry the response id only to be replaced by a later revision.
     * Each response's rows become those of its latest revision in the batch.
     */
    void replaceReflections(List<ResponseSubmittedData> latest) {
        if (latest.isEmpty()) {
            return;
        }
        List<UUID> responses = new ArrayList<>();
        List<UUID> rounds = new ArrayList<>();
        List<String> items = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (ResponseSubmittedData d : latest) {
            if (d.reflections() != null) {
                for (ResponseSubmittedData.Reflection r : d.reflections()) {
                    if (r != null && r.itemKey() != null && r.text() != null && !r.text().isBlank()) {
                        responses.add(d.responseId());
                        rounds.add(d.roundId());
                        items.add(r.itemKey());
                        kinds.add("REFLECTION");
                        texts.add(r.text().strip());
                    }
                }
            }
            for (ResponseSubmittedData.Answer a : d.answers()) {
                if (a.note() != null && !a.note().isBlank()) {
                    responses.add(d.responseId());
                    rounds.add(d.roundId());
                    items.add(a.itemKey());
                    kinds.add("NOTE");
                    texts.add(a.note().strip());
                }
            }
        }
        work(c -> {
            try (PreparedStatement s = c.prepareStatement("delete from reflection_view where response_id = any(?)")) {
                s.setArray(1, c.createArrayOf("uuid", latest.stream().map(ResponseSubmittedData::responseId).toArray()));
                s.executeUpdate();
            }
            if (!responses.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("""
                        insert into reflection_view (response_id, round_id, item_key, kind, text)
                        select * from unnest(?, ?, ?, ?, ?)""")) {
                    s.setArray(1, c.createArrayOf("uuid", responses.toArray()));
                    s.setArray(2, c.createArrayOf("uuid", rounds.toArray()));
                    s.setArray(3, c.createArrayOf("text", items.toArray()));
                    s.setArray(4, c.createArrayOf("text", kinds.toArray()));
                    s.setArray(5, c.createArrayOf("text", texts.toArray()));
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T work(Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }
}
