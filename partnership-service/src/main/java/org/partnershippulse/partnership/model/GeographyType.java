package org.partnershippulse.partnership.partnership;

/** Where the partnership works. */
public enum GeographyType {
    COUNTY, REGION, COMMUNITY
}
