package org.partnershippulse.partnership.sector;

/** The sectors partners come from, built from the seeds (BCR sector table, APHSA categories of partners). */
public enum Sector {
    GOVERNMENT,
    CHILD_WELFARE,
    EDUCATION,
    HEALTH_CARE,
    BEHAVIORAL_HEALTH,
    HOUSING,
    LAW_ENFORCEMENT_LEGAL,
    COMMUNITY_BASED_ORGANIZATION,
    FAITH_BASED,
    PHILANTHROPY,
    UNIVERSITY_RESEARCH,
    FOR_PROFIT_BUSINESS,
    RESIDENTS_COMMUNITY_CHAMPIONS,
    LIVED_EXPERIENCE,
    TRIBAL_GOVERNMENT,
    OTHER
}
