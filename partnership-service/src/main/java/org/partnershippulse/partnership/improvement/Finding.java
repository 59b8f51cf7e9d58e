package org.partnershippulse.partnership.improvement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import java.util.List;
import java.util.UUID;

/** A round finding a goal answers: the round, what kind of finding, and the instrument's item or section key. */
public record Finding(UUID roundId, FindingKind kind, String key) {

    /** A goal's findings, kept as JSON text in its row: always read and written whole with the goal. */
    public static class ListConverter implements AttributeConverter<List<Finding>, String> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public String convertToDatabaseColumn(List<Finding> findings) {
            try {
                return JSON.writeValueAsString(findings == null ? List.of() : findings);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        @Override
        public List<Finding> convertToEntityAttribute(String json) {
            try {
                return json == null ? List.of() : JSON.readValue(json, new TypeReference<>() {
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored findings are not valid JSON", e);
            }
        }
    }
}
