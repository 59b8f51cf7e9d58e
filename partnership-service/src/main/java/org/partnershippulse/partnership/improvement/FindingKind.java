package org.partnershippulse.partnership.improvement;

/** What a linked finding is: a report item, a section, a WestEd condition or an APHSA dimension. */
public enum FindingKind {
    ITEM, SECTION, CONDITION, DIMENSION
}
