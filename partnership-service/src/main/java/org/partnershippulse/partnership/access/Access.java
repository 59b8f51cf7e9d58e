package org.partnershippulse.partnership.access;

/** The outcome of an access decision. HIDDEN answers 404: a caller never learns that a partnership exists. */
public enum Access {
    ALLOWED,
    FORBIDDEN,
    HIDDEN
}
