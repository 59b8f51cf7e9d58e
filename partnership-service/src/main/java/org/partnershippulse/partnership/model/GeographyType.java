package org.partnershippulse.partnership.model;

/** Where the partnership works. */
public enum GeographyType {
    COUNTY, REGION, COMMUNITY
}
