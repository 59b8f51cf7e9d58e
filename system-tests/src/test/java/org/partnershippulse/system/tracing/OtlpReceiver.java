package org.partnershippulse.system.tracing;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A collector in the test JVM: receives OTLP/HTTP trace exports (protobuf, {@code POST /v1/traces}) as the services
 * send them to a real collector, and keeps the spans. The protobuf messages are read by hand, only the fields a trace
 * test needs (ids, parent, name, kind, attributes, the resource's service.name): no generated classes.
 */
final class OtlpReceiver implements AutoCloseable {

    enum Kind { UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER }

    /** One received span; ids in lower-case hex, {@code parentSpanId} empty for a root span. */
    record Span(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind,
                Map<String, String> attributes) {
        String attribute(String key) {
            return attributes.getOrDefault(key, "");
        }

        @Override
        public String toString() {
            return service + " " + kind + " '" + name + "' " + spanId + " <- " + (parentSpanId.isEmpty() ? "(root)" : parentSpanId);
        }
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = read(exchange.getRequestBody(), "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding")));
                try {
                    spans.addAll(exportRequest(body));
                } catch (RuntimeException e) {
                    failures.add(exchange.getRequestURI() + ": " + e);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: all accepted
            }
        });
        server.start();
    }

    /** The base endpoint to give a service as OTEL_EXPORTER_OTLP_ENDPOINT (with protocol http/protobuf). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Span> spans() {
        return List.copyOf(spans);
    }

    List<Span> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    /** Exports it could not read (a test shows them rather than wait for spans that never come). */
    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static byte[] read(InputStream in, boolean gzip) throws IOException {
        try (InputStream body = gzip ? new GZIPInputStream(in) : in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            body.transferTo(out);
            return out.toByteArray();
        }
    }

    // ----------------------------------------------------------------- opentelemetry/proto/collector/trace/v1

    /** ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; } */
    static List<Span> exportRequest(byte[] message) {
        List<Span> out = new java.util.ArrayList<>();
        Proto p = new Proto(message);
        while (p.more()) {
            int field = p.tag();
            if (field == 1) {
                resourceSpans(p.bytes(), out);
            } else {
                p.skip();
            }
        }
        return out;
    }

    /** ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; } */
    private static void resourceSpans(byte[] message, List<Span> out) {
        String service = "";
        List<byte[]> scopes = new java.util.ArrayList<>();
        Proto p = new Proto(message);
        while (p.more()) {
            int field = p.tag();
            if (field == 1) {
                service = attributes(p.bytes(), 1).getOrDefault("service.name", "");
            } else if (field == 2) {
                scopes.add(p.bytes());
            } else {
                p.skip();
            }
        }
        for (byte[] scope : scopes) {
            Proto s = new Proto(scope); // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
            while (s.more()) {
                int field = s.tag();
                if (field == 2) {
                    out.add(span(service, s.bytes()));
                } else {
                    s.skip();
                }
            }
        }
    }

    /** Span { trace_id = 1; span_id = 2; parent_span_id = 4; name = 5; kind = 6; repeated KeyValue attributes = 9; } */
    private static Span span(String service, byte[] message) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        Kind kind = Kind.UNSPECIFIED;
        Map<String, String> attributes = new LinkedHashMap<>();
        Proto p = new Proto(message);
        while (p.more()) {
            switch (p.tag()) {
                case 1 -> traceId = HexFormat.of().formatHex(p.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(p.bytes());
                case 4 -> parent = HexFormat.of().formatHex(p.bytes());
                case 5 -> name = new String(p.bytes(), StandardCharsets.UTF_8);
                case 6 -> kind = Kind.values()[(int) p.varint()];
                case 9 -> attributes.putAll(keyValue(p.bytes()));
                default -> p.skip();
            }
        }
        return new Span(service, traceId, spanId, parent, name, kind, attributes);
    }

    /** The repeated KeyValue field {@code field} of a message (Resource.attributes = 1). */
    private static Map<String, String> attributes(byte[] message, int field) {
        Map<String, String> out = new LinkedHashMap<>();
        Proto p = new Proto(message);
        while (p.more()) {
            if (p.tag() == field) {
                out.putAll(keyValue(p.bytes()));
            } else {
                p.skip();
            }
        }
        return out;
    }

    /** KeyValue { string key = 1; AnyValue value = 2; }, the value as text (string, bool, int, double). */
    private static Map<String, String> keyValue(byte[] message) {
        String key = "";
        String value = "";
        Proto p = new Proto(message);
        while (p.more()) {
            int field = p.tag();
            if (field == 1) {
                key = new String(p.bytes(), StandardCharsets.UTF_8);
            } else if (field == 2) {
                value = anyValue(p.bytes());
            } else {
                p.skip();
            }
        }
        return Map.of(key, value);
    }

    private static String anyValue(byte[] message) {
        Proto p = new Proto(message);
        while (p.more()) {
            switch (p.tag()) {
                case 1 -> { return new String(p.bytes(), StandardCharsets.UTF_8); }
                case 2 -> { return Boolean.toString(p.varint() != 0); }
                case 3 -> { return Long.toString(p.varint()); }
                case 4 -> { return Double.toString(Double.longBitsToDouble(p.fixed64())); }
                default -> p.skip();
            }
        }
        return "";
    }

    /** The protobuf wire format, as far as reading needs it. */
    private static final class Proto {
        private final byte[] b;
        private int i;
        private int wireType;

        Proto(byte[] b) {
            this.b = b;
        }

        boolean more() {
            return i < b.length;
        }

        int tag() {
            long tag = varint();
            wireType = (int) (tag & 7);
            return (int) (tag >>> 3);
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte next = b[i++];
                value |= (long) (next & 0x7f) << shift;
                if ((next & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        long fixed64() {
            long value = 0;
            for (int k = 0; k < 8; k++) {
                value |= (long) (b[i++] & 0xff) << (8 * k);
            }
            return value;
        }

        byte[] bytes() {
            int length = (int) varint();
            byte[] out = java.util.Arrays.copyOfRange(b, i, i + length);
            i += length;
            return out;
        }

        void skip() {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> i += 8;
                case 2 -> {
                    int length = (int) varint(); // read first: "i += varint()" would add to the old i
                    i += length;
                }
                case 5 -> i += 4;
                default -> throw new IllegalArgumentException("unsupported wire type " + wireType);
            }
        }
    }
}
