package org.partnershippulse.partnership.improvement;

/** WestEd condition 6.3's kinds of common measures. */
public enum MeasureKind {
    PROCESS, OUTCOME, STRUCTURAL, BALANCING
}
