package org.partnershippulse.partnership.membership;

/** The role an organisation plays in a partnership. */
public enum MembershipRole {
    BACKBONE_LEAD,
    STEERING_COMMITTEE,
    MEMBER,
    ADVISORY
}
