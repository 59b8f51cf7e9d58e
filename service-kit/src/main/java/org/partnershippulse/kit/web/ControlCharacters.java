package org.partnershippulse.kit.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.partnershippulse.kit.problem.ProblemException;

/**
 * Text with C0 control characters (NUL and the rest of U+0000..U+001F) is refused as bad input, naming the field:
 * PostgreSQL cannot store NUL in text or jsonb (it was a 500), and the others are never meant. JSON text values may
 * hold tab, CR and LF (notes and answers span lines); JSON keys and query/path parameters may hold none.
 * Checked once for every service: the JSON module below (registered by {@link StrictJson}) and a request filter.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The reason to give, or empty when the text is acceptable. */
    public static Optional<String> problem(String text, boolean lineBreaksAllowed) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                return Optional.of(String.format("must not contain control characters (U+%04X at position %d)", (int) c, i));
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a JSON text value or key with control characters; the exception carries the field's JSON path. A
     * {@link MismatchedInputException}, because Quarkus' JSON reader lets only those through to the mappers (other
     * mapping errors become a bare 400 without the field).
     */
    public static final class InvalidText extends MismatchedInputException {

        InvalidText(JsonParser parser, String reason) {
            super(parser, reason, String.class);
        }

        /** The reason alone, without Jackson's location and path decoration. */
        public String reason() {
            return getOriginalMessage();
        }
    }

    static SimpleModule jsonModule() {
        return new SimpleModule("no-control-characters")
                .addDeserializer(String.class, new Text())
                .addKeyDeserializer(String.class, new Key());
    }

    /** Jackson's own string rules (and {@link StrictJson}'s coercion settings), then the control-character rule. */
    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            Optional<String> reason = problem(text, true);
            if (reason.isPresent()) {
                throw new InvalidText(p, reason.get());
            }
            return text;
        }
    }

    static final class Key extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            Optional<String> reason = problem(key, false);
            if (reason.isPresent()) {
                throw new InvalidText(ctxt.getParser(), "keys " + reason.get());
            }
            return key;
        }
    }

    /** Query and path parameters, after decoding: a 400 naming the first parameter with a control character. */
    public static class Parameters {

        @ServerRequestFilter
        public void refuse(ContainerRequestContext request) {
            check(request.getUriInfo().getPathParameters());
            check(request.getUriInfo().getQueryParameters());
        }

        private static void check(MultivaluedMap<String, String> parameters) {
            for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
                for (String value : parameter.getValue()) {
                    Optional<String> reason = problem(value, false);
                    if (reason.isPresent()) {
                        throw ProblemException.invalid(parameter.getKey(), reason.get());
                    }
                }
            }
        }
    }
}
