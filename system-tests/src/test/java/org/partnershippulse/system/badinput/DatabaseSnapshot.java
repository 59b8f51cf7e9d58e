package org.partnershippulse.system.badinput;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.partnershippulse.systemkit.PulseEnvironment;
import org.partnershippulse.systemkit.PulseService;

/**
 * What a service has stored: per table of its database, the number of rows and an md5 of their content, read
 * over JDBC with the service's own role. Two equal snapshots mean nothing was written in between.
 */
record DatabaseSnapshot(PulseService service, Map<String, String> tables) {

    /**
     * Columns that change without any request, left out of the content hash (the rows themselves still count,
     * so a new row is always seen):
     * <ul>
     *   <li>outbox_event.published_at and attempts: the outbox relay marks each event once Kafka acknowledged it,
     *       up to a second after the request that wrote it;</li>
     * </ul>
     * No other column changes by itself while no request is made: the inbox (processed_event) and the read
     * models change only when an event arrives, and {@link #settled} waits until the events of the set-up have
     * all arrived; the round window job changes only rounds with opensAt/closesAt due, which the set-up avoids.
     */
    private static final Map<String, Set<String>> CHANGING_BY_THEMSELVES = Map.of(
            "outbox_event", Set.of("published_at", "attempts"));

    static DatabaseSnapshot of(PulseEnvironment env, PulseService service) {
        String url = env.jdbcUrl(service);
        try (Connection db = DriverManager.getConnection(url, service.role(), service.role());
             Statement sql = db.createStatement()) {
            Map<String, List<String>> columns = new TreeMap<>();
            try (ResultSet rs = sql.executeQuery("select table_schema || '.' || table_name, column_name"
                    + " from information_schema.columns where table_schema not in ('pg_catalog', 'information_schema')"
                    + " and table_name in (select table_name from information_schema.tables where table_type = 'BASE TABLE')"
                    + " order by 1, ordinal_position")) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            Map<String, String> tables = new TreeMap<>();
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                String name = table.getKey().substring(table.getKey().indexOf('.') + 1);
                Set<String> changing = CHANGING_BY_THEMSELVES.getOrDefault(name, Set.of());
                String row = "row(" + String.join(", ", table.getValue().stream().filter(c -> !changing.contains(c))
                        .map(c -> "t.\"" + c + "\"").toList()) + ")::text";
                try (ResultSet rs = sql.executeQuery("select count(*) || ' rows, md5 ' || md5(coalesce(string_agg(" + row
                        + ", ',' order by " + row + "), '')) from " + table.getKey() + " t")) {
                    rs.next();
                    tables.put(table.getKey(), rs.getString(1));
                }
            }
            return new DatabaseSnapshot(service, tables);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + url + " as " + service.role() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The snapshot once the database stopped changing: two reads a second apart are equal (events of the set-up
     * may still be travelling through Kafka to their consumers).
     */
    static DatabaseSnapshot settled(PulseEnvironment env, PulseService service, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        DatabaseSnapshot previous = of(env, service);
        while (true) {
            sleep(Duration.ofSeconds(1));
            DatabaseSnapshot current = of(env, service);
            if (current.equals(previous) || System.nanoTime() > deadline) {
                return current;
            }
            previous = current;
        }
    }

    /** The tables whose rows or content differ, with both states. */
    List<String> differences(DatabaseSnapshot after) {
        List<String> changed = new ArrayList<>();
        for (String table : after.tables().keySet()) {
            String before = tables.get(table);
            if (!after.tables().get(table).equals(before)) {
                changed.add(service.serviceName() + " " + table + ": " + before + " -> " + after.tables().get(table));
            }
        }
        return changed;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
