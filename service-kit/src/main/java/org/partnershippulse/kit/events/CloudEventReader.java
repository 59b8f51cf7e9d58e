package org.partnershippulse.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads a structured-mode CloudEvent from a record value, defensively: anything unusable is a poison event. */
@ApplicationScoped
public class CloudEventReader {

    @Inject
    ObjectMapper mapper;

    public CloudEvent read(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("empty record value");
        }
        CloudEvent event;
        try {
            event = mapper.readerFor(CloudEvent.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(value);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("not a CloudEvent in structured JSON mode: " + e.getOriginalMessage());
        }
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new PoisonEventException("unsupported specversion " + event.specversion());
        }
        if (event.id() == null || event.type() == null || event.source() == null) {
            throw new PoisonEventException("id, type and source are required");
        }
        if (event.data() == null || !event.data().isObject()) {
            throw new PoisonEventException("data must be a JSON object");
        }
        return event;
    }

    /** Binds the event's data to a record, or declares the event poison. */
    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(event.data());
        } catch (java.io.IOException e) {
            throw new PoisonEventException(event.type() + " data does not match its schema: " + e.getMessage());
        }
    }
}
