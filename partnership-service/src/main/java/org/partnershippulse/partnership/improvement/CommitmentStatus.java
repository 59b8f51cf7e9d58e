package org.partnershippulse.partnership.improvement;

/** A commitment counts once a person of its organisation signed it. */
public enum CommitmentStatus {
    PROPOSED, SIGNED
}
