package org.partnershippulse.system.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partnershippulse.systemkit.PulseService;

/**
 * The committed access matrix ({@code contracts/access-matrix.md}): one Markdown table per service under a
 * {@code ## <service-name>} heading, a row per operation and case, a column per caller.
 */
public record AccessMatrix(List<Row> rows) {

    public static final String FILE = "contracts/access-matrix.md";

    /** Who calls, in the table's column order; {@code user} is the realm user (password = username). */
    public enum Caller {
        ANONYMOUS("anonymous", null),
        MEMBER_A("member A", "okafor"),
        COORDINATOR_A("coordinator A", "rivera"),
        MEMBER_B("member B", "nguyen"),
        COORDINATOR_B("coordinator B", "chen"),
        ADMIN("admin", "admin");

        /**
         * Outsiders first, then the more powerful: a mutating call that succeeds cannot hide what a denied caller
         * would have been refused.
         */
        public static final List<Caller> RUN_ORDER = List.of(ANONYMOUS, MEMBER_B, COORDINATOR_B, MEMBER_A, COORDINATOR_A, ADMIN);

        public final String label;
        public final String user;

        Caller(String label, String user) {
            this.label = label;
            this.user = user;
        }
    }

    /** What a caller gets: any success, or one of the refusals. */
    public enum Outcome {
        SUCCESS("2xx"), UNAUTHORIZED("401"), FORBIDDEN("403"), NOT_FOUND("404");

        public final String cell;

        Outcome(String cell) {
            this.cell = cell;
        }

        public boolean matches(int status) {
            return this == SUCCESS ? status >= 200 && status < 300 : Integer.parseInt(cell) == status;
        }

        static Outcome of(String cell) {
            return Arrays.stream(values()).filter(o -> o.cell.equals(cell)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + cell + "' is not one of 2xx, 401, 403, 404"));
        }
    }

    /** One row: an operation of a service, the case it exercises (may be empty) and the expected outcome per caller. */
    public record Row(PulseService service, String method, String path, String scenario, Map<Caller, Outcome> expected) {

        public String operation() {
            return method + " " + path;
        }

        /** How the request catalogue and the failure messages name the row. */
        public String key() {
            return service.serviceName() + " " + operation() + (scenario.isEmpty() ? "" : " [" + scenario + "]");
        }
    }

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final int COLUMNS = 3 + Caller.values().length;

    public static AccessMatrix read(Path repoRoot) {
        try {
            return parse(Files.readAllLines(repoRoot.resolve(FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AccessMatrix parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        PulseService service = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.startsWith("## ")) {
                String heading = line.substring(3).strip();
                service = Arrays.stream(PulseService.values()).filter(s -> s.serviceName().equals(heading)).findFirst()
                        .orElse(null);
                continue;
            }
            if (service == null || !line.startsWith("|")) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.get(0).equals("method")) {
                requireCallerColumns(cells, n + 1);
            }
            if (!METHODS.contains(cells.get(0))) {
                continue; // header or separator
            }
            if (cells.size() != COLUMNS) {
                throw new IllegalStateException(FILE + " line " + (n + 1) + ": " + cells.size() + " cells, expected " + COLUMNS);
            }
            Map<Caller, Outcome> expected = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                try {
                    expected.put(caller, Outcome.of(cells.get(3 + caller.ordinal())));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(FILE + " line " + (n + 1) + ", " + caller.label + ": " + e.getMessage());
                }
            }
            rows.add(new Row(service, cells.get(0), cells.get(1), cells.get(2), expected));
        }
        return new AccessMatrix(List.copyOf(rows));
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    private static void requireCallerColumns(List<String> header, int lineNumber) {
        List<String> callers = header.subList(3, header.size());
        List<String> expected = Arrays.stream(Caller.values()).map(c -> c.label).toList();
        if (!callers.equals(expected)) {
            throw new IllegalStateException(FILE + " line " + lineNumber + ": caller columns " + callers + ", expected " + expected);
        }
    }
}
