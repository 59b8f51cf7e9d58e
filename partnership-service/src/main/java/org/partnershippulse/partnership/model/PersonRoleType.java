package org.partnershippulse.partnership.model;

/** Roles a person holds within a partnership (seed 000: champions, parents with lived experience; seed 001: working roles). */
public enum PersonRoleType {
    COORDINATOR,
    MEMBER,
    AGENCY_CHAMPION,
    LIVED_EXPERIENCE,
    COMMUNITY_OUTREACH_LIAISON,
    DATA_MEASUREMENT_LEAD,
    PROJECT_MANAGER,
    TECHNICAL_ASSISTANCE,
    COMMUNICATIONS,
    FUNDRAISING
}
