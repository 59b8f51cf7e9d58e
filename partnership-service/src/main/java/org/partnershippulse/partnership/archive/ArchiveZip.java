package org.partnershippulse.partnership.archive;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an archive as a zip: {@code archive.json} (format, version, the partnership, every section's rows) and one
 * {@code <section>.csv} per record kind (RFC 4180, UTF-8, a header row). Written entry by entry to the stream as it
 * goes. Plain Java, no I/O of its own.
 */
public final class ArchiveZip {

    private final ObjectMapper json;

    public ArchiveZip(ObjectMapper json) {
        this.json = json;
    }

    public void write(Archive.Contents contents, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("archive.json"));
        JsonGenerator g = json.getFactory().createGenerator(zip);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("format", Archive.FORMAT);
        g.writeNumberField("formatVersion", Archive.FORMAT_VERSION);
        g.writeStringField("exportedAt", contents.exportedAt().toString());
        g.writeStringField("partnershipId", contents.partnershipId().toString());
        g.writeStringField("partnershipName", contents.partnershipName());
        g.writeObjectFieldStart("files");
        for (var s : contents.sections().keySet()) {
            g.writeStringField(s.name(), s.name() + ".csv");
        }
        g.writeEndObject();
        g.writeObjectFieldStart("records");
        for (var e : contents.sections().entrySet()) {
            g.writeFieldName(e.getKey().name());
            json.writeValue(g, e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        g.flush();
        zip.closeEntry();
        for (var e : contents.sections().entrySet()) {
            zip.putNextEntry(new ZipEntry(e.getKey().name() + ".csv"));
            Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            csv(w, e.getKey().columns(), e.getValue());
            w.flush();
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    static void csv(Writer w, List<String> columns, List<Map<String, Object>> rows) throws IOException {
        w.write(String.join(",", columns.stream().map(ArchiveZip::cell).toList()));
        w.write("\r\n");
        for (Map<String, Object> row : rows) {
            w.write(String.join(",", columns.stream().map(c -> cell(text(row.get(c)))).toList()));
            w.write("\r\n");
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof JsonNode n ? n.toString() : value.toString();
    }

    /**
     * A CSV cell: quoted when it holds a separator, a quote or a line break; text a spreadsheet would run as a formula
     * (leading =, +, -, @, tab, CR) gets a leading apostrophe, since people's free text ends up here.
     */
    static String cell(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?")) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
