/**
 * The improvement context (issue 17): from a round's findings to action. Improvement plans with a check-in schedule,
 * SMART goals linked to the findings that motivated them and to a catalogue Thing to try, member organisations'
 * signed commitments, check-ins per goal, and the partnership's common measures with values and a trend.
 * Coordinators plan; members see and check in on the goals their organisation owns or committed to; every write is
 * audited and published through the outbox (event-contracts, {@code improvement}).
 */
package org.partnershippulse.partnership.improvement;
