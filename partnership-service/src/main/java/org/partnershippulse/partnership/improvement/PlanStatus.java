package org.partnershippulse.partnership.improvement;

/** A closed plan has no check-ins falling due. */
public enum PlanStatus {
    ACTIVE, CLOSED
}
