package org.partnershippulse.partnership.improvement;

import java.time.LocalDate;

/** How often a plan's check-ins fall due (the MOU's "at least monthly" by default). */
public enum Cadence {
    WEEKLY, MONTHLY, QUARTERLY;

    /** The {@code n}th date after {@code start} (n ≥ 1); months count from the start so the 31st stays the month's end. */
    public LocalDate nth(LocalDate start, int n) {
        return switch (this) {
            case WEEKLY -> start.plusWeeks(n);
            case MONTHLY -> start.plusMonths(n);
            case QUARTERLY -> start.plusMonths(3L * n);
        };
    }
}
