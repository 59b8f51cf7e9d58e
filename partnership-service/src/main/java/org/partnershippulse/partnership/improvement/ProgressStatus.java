package org.partnershippulse.partnership.improvement;

/** What a check-in says of a goal. */
public enum ProgressStatus {
    ON_TRACK, AT_RISK, OFF_TRACK, DONE, DROPPED
}
