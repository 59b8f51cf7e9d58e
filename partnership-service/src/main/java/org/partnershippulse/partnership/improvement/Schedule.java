package org.partnershippulse.partnership.improvement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A plan's check-in dates: one cadence step after its start, then every step. A date is recorded once any check-in
 * was recorded for it; a date before today that nobody recorded is overdue.
 */
public record Schedule(Cadence cadence, LocalDate startsOn) {

    /** A bound on what one plan lists (ten years of weekly check-ins). */
    static final int MAX_DATES = 520;

    public boolean isScheduled(LocalDate date) {
        if (date == null || !date.isAfter(startsOn)) {
            return false;
        }
        for (int n = 1; n <= MAX_DATES; n++) {
            LocalDate d = cadence.nth(startsOn, n);
            if (!d.isBefore(date)) {
                return d.equals(date);
            }
        }
        return false;
    }

    /** The date a check-in made today is for: the latest date on or before today, else the first one. */
    public LocalDate current(LocalDate today) {
        LocalDate current = cadence.nth(startsOn, 1);
        for (int n = 2; n <= MAX_DATES; n++) {
            LocalDate d = cadence.nth(startsOn, n);
            if (d.isAfter(today)) {
                break;
            }
            current = d;
        }
        return current;
    }

    /** The earliest date nobody recorded. */
    public LocalDate next(Set<LocalDate> recorded) {
        for (int n = 1; n <= MAX_DATES; n++) {
            LocalDate d = cadence.nth(startsOn, n);
            if (!recorded.contains(d)) {
                return d;
            }
        }
        return null;
    }

    /** Dates from today to {@code days} days ahead that nobody recorded yet: the check-ins falling due, oldest first. */
    public List<LocalDate> dueWithin(Set<LocalDate> recorded, LocalDate today, int days) {
        List<LocalDate> due = new ArrayList<>();
        LocalDate last = today.plusDays(days);
        for (int n = 1; n <= MAX_DATES; n++) {
            LocalDate d = cadence.nth(startsOn, n);
            if (d.isAfter(last)) {
                break;
            }
            if (!d.isBefore(today) && !recorded.contains(d)) {
                due.add(d);
            }
        }
        return due;
    }

    /** Dates before today that nobody recorded, oldest first. */
    public List<LocalDate> overdue(Set<LocalDate> recorded, LocalDate today) {
        List<LocalDate> overdue = new ArrayList<>();
        for (int n = 1; n <= MAX_DATES; n++) {
            LocalDate d = cadence.nth(startsOn, n);
            if (!d.isBefore(today)) {
                break;
            }
            if (!recorded.contains(d)) {
                overdue.add(d);
            }
        }
        return overdue;
    }
}
