/**
 * Payloads of the improvement context (partnership-service, topic pulse.partnership.v1, key = partnership id):
 * improvement plans, SMART goals linked to a round's findings, organisations' signed commitments, check-ins and the
 * partnership's common measures. Goals carry their linked findings (round, kind, key) so that a consumer can compute
 * the change of those items and sections in the partnership's next round of the same instrument.
 */
package org.partnershippulse.events.improvement;
