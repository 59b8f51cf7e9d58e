package org.partnershippulse.reporting.benchmark;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The baseline the read models are compared with: the raw answers of the benchmark's rounds in a table of their own
 * (schema {@code bench} of the reporting database, which the service never reads and Flyway does not manage), and
 * the report's figures computed from them at read time by one aggregate query. Only the latest revision of each
 * response is stored (the benchmark submits one revision per response) and each respondent holds one role.
 */
final class RawAnswers implements AutoCloseable {

    /**
     * Per group (everyone, each sector, each role): respondents; per group and item: answers and mean score; per
     * group, item and option: answers. Exactly what the report reads from its counts, from the raw rows (columns:
     * breakdown, group, item, option, count, mean).
     */
    static final String AGGREGATE = """
            with answers as (select * from bench.raw_answer where round_id = ?),
            respondents as (select distinct response_id, sector, role from answers)
            select case when grouping(sector) = 0 then 'SECTOR' when grouping(role) = 0 then 'ROLE' else 'ALL' end,
                   coalesce(sector, role, ''), null, null, count(*), null
            from respondents group by grouping sets ((), (sector), (role))
            union all
            select case when grouping(sector) = 0 then 'SECTOR' when grouping(role) = 0 then 'ROLE' else 'ALL' end,
                   coalesce(sector, role, ''), item_key, option_value, count(*), avg(score)
            from answers
            group by grouping sets ((item_key), (sector, item_key), (role, item_key),
                                    (item_key, option_value), (sector, item_key, option_value), (role, item_key, option_value))""";

    private final Connection connection;
    private final StringBuilder pending = new StringBuilder();
    private int pendingRows;

    RawAnswers(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("""
                    create table if not exists bench.raw_answer (
                        round_id uuid not null, response_id uuid not null, sector text not null, role text not null,
                        item_key text not null, option_value text not null, score integer)""");
            s.execute("create index if not exists ix_raw_answer_round on bench.raw_answer (round_id)");
        }
    }

    void add(UUID round, UUID response, String sector, String role, SyntheticEvents.Item item, int choice) throws SQLException {
        Integer score = item.scores().get(choice);
        pending.append(round).append('\t').append(response).append('\t').append(sector).append('\t').append(role)
                .append('\t').append(item.key()).append('\t').append(item.values().get(choice)).append('\t')
                .append(score == null ? "\\N" : score.toString()).append('\n');
        if (++pendingRows >= 50_000) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pendingRows == 0) {
            return;
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy bench.raw_answer from stdin", new StringReader(pending.toString()));
        } catch (IOException e) {
            throw new SQLException(e);
        }
        pending.setLength(0);
        pendingRows = 0;
        try (Statement s = connection.createStatement()) {
            s.execute("analyze bench.raw_answer");
        }
    }

    /** Runs the aggregate query; returns the everyone group's answers per item and option (to check it agrees). */
    Map<String, Long> aggregate(UUID round) throws SQLException {
        Map<String, Long> everyone = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(AGGREGATE)) {
            s.setObject(1, round);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if ("ALL".equals(r.getString(1)) && r.getString(3) != null && r.getString(4) != null) {
                        everyone.put(r.getString(3) + "=" + r.getString(4), r.getLong(5));
                    }
                }
            }
        }
        return everyone;
    }

    /** Removes the rows of earlier runs. */
    void clear() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("truncate bench.raw_answer");
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
