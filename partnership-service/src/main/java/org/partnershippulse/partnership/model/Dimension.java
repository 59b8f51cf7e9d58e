package org.partnershippulse.partnership.model;

/** The APHSA continuum of partnership (seed 002), from least to most integrated. */
public enum Dimension {
    NETWORKING, COOPERATION, COLLABORATION, INTEGRATION
}
