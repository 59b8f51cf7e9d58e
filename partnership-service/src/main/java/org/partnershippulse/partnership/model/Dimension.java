package org.partnershippulse.partnership.partnership;

/** The APHSA continuum of partnership (seed 002), from least to most integrated. */
public enum Dimension {
    NETWORKING, COOPERATION, COLLABORATION, INTEGRATION
}
