package org.partnershippulse.kit.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aTerminatedOrRefusedConnectionDeepInTheCausesIsAnOutage() {
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        assertTrue(DatabaseOutage.causedBy(new IllegalStateException("commit failed", new RuntimeException(terminated))));
        assertTrue(DatabaseOutage.causedBy(new SQLException("Connection refused", "08001")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void aCommitCutOffCarriesTheDriversErrorAsSuppressed() {
        Exception xa = new Exception("Error trying to transactionCommit local transaction");
        xa.addSuppressed(new SQLException("terminating connection due to administrator command", "57P01"));
        assertTrue(DatabaseOutage.causedBy(new IllegalStateException("Could not commit transaction", new RuntimeException("rollback", xa))));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(DatabaseOutage.causedBy(new SQLException("duplicate key value", "23505")));
        assertFalse(DatabaseOutage.causedBy(new SQLException("no state")));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("boom")));
    }
}
