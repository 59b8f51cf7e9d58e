package org.partnershippulse.partnership.model;

/** The role an organisation plays in a partnership. */
public enum MembershipRole {
    BACKBONE_LEAD,
    STEERING_COMMITTEE,
    MEMBER,
    ADVISORY
}
