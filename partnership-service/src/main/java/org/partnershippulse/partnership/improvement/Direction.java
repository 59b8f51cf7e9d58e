package org.partnershippulse.partnership.improvement;

/** Which way a measure improves. */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
