package org.partnershippulse.partnership.improvement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 31);
    private static final Schedule MONTHLY = new Schedule(Cadence.MONTHLY, START);

    @Test
    void monthlyCheckInsFallDueFromTheMonthAfterTheStartAndKeepTheMonthsEnd() {
        assertFalse(MONTHLY.isScheduled(START));
        assertTrue(MONTHLY.isScheduled(LocalDate.of(2026, 2, 28)));
        assertTrue(MONTHLY.isScheduled(LocalDate.of(2026, 3, 31)));
        assertFalse(MONTHLY.isScheduled(LocalDate.of(2026, 3, 28)));
    }

    @Test
    void checkInsFallingDueAreTheComingDatesWithinTheNoticeNobodyRecorded() {
        LocalDate today = LocalDate.of(2026, 3, 29);
        assertEquals(List.of(LocalDate.of(2026, 3, 31)), MONTHLY.dueWithin(Set.of(), today, 3));
        assertEquals(List.of(), MONTHLY.dueWithin(Set.of(), today, 1));
        assertEquals(List.of(), MONTHLY.dueWithin(Set.of(LocalDate.of(2026, 3, 31)), today, 3));
        assertEquals(List.of(LocalDate.of(2026, 3, 31)), MONTHLY.dueWithin(Set.of(), LocalDate.of(2026, 3, 31), 0));
    }

    @Test
    void overdueAreThePastDatesNobodyRecordedAndNextIsTheEarliestOfThem() {
        LocalDate today = LocalDate.of(2026, 5, 10);
        Set<LocalDate> recorded = Set.of(LocalDate.of(2026, 3, 31));
        assertEquals(List.of(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 4, 30)), MONTHLY.overdue(recorded, today));
        assertEquals(LocalDate.of(2026, 2, 28), MONTHLY.next(recorded));
        assertEquals(LocalDate.of(2026, 4, 30), MONTHLY.current(today));
        assertEquals(LocalDate.of(2026, 2, 28), MONTHLY.current(START), "before the first date, a check-in is for the first");
    }

    @Test
    void aDueDateOfTodayIsNotYetOverdue() {
        assertEquals(List.of(), new Schedule(Cadence.WEEKLY, LocalDate.of(2026, 1, 1)).overdue(Set.of(), LocalDate.of(2026, 1, 8)));
        assertEquals(List.of(LocalDate.of(2026, 4, 1)), new Schedule(Cadence.QUARTERLY, LocalDate.of(2026, 1, 1))
                .overdue(Set.of(), LocalDate.of(2026, 4, 2)));
    }
}
