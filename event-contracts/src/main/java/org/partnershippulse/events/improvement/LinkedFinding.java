package org.partnershippulse.events.improvement;

import java.util.UUID;

/**
 * A finding of a round that motivated a goal: {@code kind} ITEM (a report item, e.g. a divergent one), SECTION (a
 * low section), CONDITION (a WestEd condition, a section of that instrument) or DIMENSION (an APHSA dimension); the
 * {@code key} is the item or section key of the instrument, comparable across its versions as trends are.
 */
public record LinkedFinding(UUID roundId, String kind, String key) {
}
