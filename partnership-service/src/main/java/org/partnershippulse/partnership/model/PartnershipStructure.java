package org.partnershippulse.partnership.model;

/** How the partnership is organised (seeds 001 and 002). */
public enum PartnershipStructure {
    LEADERSHIP_TABLE, STEERING_COMMITTEE, COALITION, ADVISORY_COUNCIL, OPERATIONS_COUNCIL, SPONSOR_OVERSIGHT_GROUP, CONTRACTUAL_PAYER_PERFORMER, INFORMAL_NETWORK
}
