package org.partnershippulse.partnership.agreement;

/** DRAFT → ACTIVE → EXPIRED (renewal date passed) or TERMINATED. EXPIRED is derived, never stored. */
public enum AgreementStatus {
    DRAFT,
    ACTIVE,
    EXPIRED,
    TERMINATED
}
