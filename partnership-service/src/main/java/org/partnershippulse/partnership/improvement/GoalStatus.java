package org.partnershippulse.partnership.improvement;

/** A goal's status: NOT_STARTED until its first check-in, then the latest check-in's. */
public enum GoalStatus {
    NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK, DONE, DROPPED
}
