package org.partnershippulse.events.improvement;

import java.math.BigDecimal;
import java.util.UUID;

/** One goal's line of a check-in: its status, a short note and, when measured, the value of its measure. */
public record GoalProgress(UUID goalId, String status, String note, BigDecimal value) {
}
