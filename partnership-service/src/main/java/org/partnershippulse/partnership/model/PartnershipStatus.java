package org.partnershippulse.partnership.partnership;

/** Lifecycle of a partnership; DISSOLVED only through the dissolve operation. */
public enum PartnershipStatus {
    FORMING, ACTIVE, SUSTAINING, DISSOLVED
}
