package org.partnershippulse.partnership.model;

/** Lifecycle of a partnership; DISSOLVED only through the dissolve operation. */
public enum PartnershipStatus {
    FORMING, ACTIVE, SUSTAINING, DISSOLVED
}
