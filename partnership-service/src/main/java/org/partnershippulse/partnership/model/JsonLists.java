package org.partnershippulse.partnership.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import java.util.List;
import org.partnershippulse.partnership.sector.Sector;

/** Small lists kept as JSON text in one column: they are always read and written whole with their owner. */
public final class JsonLists {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLists() {
    }

    public static class StringList implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> values) {
            return write(values == null ? List.of() : values);
        }

        @Override
        public List<String> convertToEntityAttribute(String json) {
            return json == null ? List.of() : read(json, new TypeReference<>() {
            });
        }
    }

    public static class SectorList implements AttributeConverter<List<Sector>, String> {
        @Override
        public String convertToDatabaseColumn(List<Sector> values) {
            return values == null ? null : write(values);
        }

        @Override
        public List<Sector> convertToEntityAttribute(String json) {
            return json == null ? null : read(json, new TypeReference<>() {
            });
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored list is not valid JSON", e);
        }
    }
}
