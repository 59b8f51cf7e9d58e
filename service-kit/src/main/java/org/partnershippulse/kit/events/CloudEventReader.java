package org.partnershippulse.kit.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;

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

    /** An event and its data bound to its type's record (null when the type has no record to bind to). */
    public record Bound(CloudEvent event, Object data) {
    }

    /**
     * {@link #read} and {@link #data} in one pass over the text, with the same checks and the same poison reasons:
     * when the attributes before {@code data} name a type that {@code dataTypeOf} knows, the data is bound straight
     * from the parser to its record, without building a tree of it first (the bound event's {@code data} is then
     * null). Otherwise (data before type, an unknown type) the data is read as a tree and bound from it, as before.
     */
    public Bound readBound(String value, Function<String, Class<?>> dataTypeOf) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("empty record value");
        }
        String specversion = null, source = null, type = null, subject = null, datacontenttype = null, dataschema = null,
                partitionkey = null, traceparent = null, tracestate = null;
        UUID id = null;
        Instant time = null;
        JsonNode tree = null;
        Object data = null;
        boolean bound = false;
        try (JsonParser p = mapper.getFactory().createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new PoisonEventException("not a CloudEvent in structured JSON mode: not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("data")) {
                    Class<?> dataType = type == null ? null : dataTypeOf.apply(type);
                    if (v == JsonToken.START_OBJECT && dataType != null) {
                        data = bind(p, dataType, type);
                        bound = true;
                        tree = null;
                    } else {
                        tree = v == JsonToken.VALUE_NULL ? null : p.readValueAsTree();
                        bound = false;
                    }
                    continue;
                }
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                String text = v == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                switch (field) {
                    case "specversion" -> specversion = text;
                    case "id" -> id = text == null ? null : UUID.fromString(text);
                    case "source" -> source = text;
                    case "type" -> type = text;
                    case "subject" -> subject = text;
                    case "time" -> time = text == null ? null : Instant.parse(text);
                    case "datacontenttype" -> datacontenttype = text;
                    case "dataschema" -> dataschema = text;
                    case "partitionkey" -> partitionkey = text;
                    case "traceparent" -> traceparent = text;
                    case "tracestate" -> tracestate = text;
                    default -> {
                        // an extension this service does not read
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("not a CloudEvent in structured JSON mode: " + e.getOriginalMessage());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new PoisonEventException("not a CloudEvent in structured JSON mode: " + e.getMessage());
        } catch (IOException e) {
            throw new PoisonEventException("not a CloudEvent in structured JSON mode: " + e.getMessage());
        }
        CloudEvent event = new CloudEvent(specversion, id, source, type, subject, time, datacontenttype, dataschema,
                partitionkey, traceparent, tracestate, tree);
        if (!CloudEvent.SPEC_VERSION.equals(specversion)) {
            throw new PoisonEventException("unsupported specversion " + specversion);
        }
        if (id == null || type == null || source == null) {
            throw new PoisonEventException("id, type and source are required");
        }
        if (bound) {
            return new Bound(event, data);
        }
        if (tree == null || !tree.isObject()) {
            throw new PoisonEventException("data must be a JSON object");
        }
        Class<?> dataType = dataTypeOf.apply(type);
        return new Bound(event, dataType == null ? null : data(event, dataType));
    }

    private Object bind(JsonParser p, Class<?> type, String eventType) {
        try {
            return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(p);
        } catch (IOException e) {
            throw new PoisonEventException(eventType + " data does not match its schema: " + e.getMessage());
        }
    }
}
