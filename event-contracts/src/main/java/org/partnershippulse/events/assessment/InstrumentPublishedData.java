package org.partnershippulse.events.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** instrument.published: a version of an instrument, its full definition as JSON (schema: the instrument). */
public record InstrumentPublishedData(String instrumentKey, Integer version, String kind, Instant publishedAt,
        JsonNode instrument) {
}
