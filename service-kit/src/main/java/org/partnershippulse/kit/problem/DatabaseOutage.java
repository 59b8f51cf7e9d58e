package org.partnershippulse.kit.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Recognises a request that failed because the database was out of reach (restarting, failing over, no connection
 * left): the client should retry later (503), nothing is wrong with its request and nothing was written.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** Looks through causes and suppressed exceptions: a failed commit carries the driver's error as suppressed. */
    static boolean causedBy(Throwable e) {
        return causedBy(e, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean causedBy(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now (starting up)
        if (t instanceof SQLException s && s.getSQLState() != null
                && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P0"))) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (causedBy(suppressed, seen)) {
                return true;
            }
        }
        return causedBy(t.getCause(), seen);
    }
}
