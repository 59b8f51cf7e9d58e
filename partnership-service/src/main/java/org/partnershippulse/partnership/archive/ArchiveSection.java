package org.partnershippulse.partnership.archive;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One kind of record in a partnership's archive: a CSV file {@code <name>.csv} and the array {@code records.<name>} of
 * archive.json. Adding a kind (plans, check-ins, measures…) is one {@code @ApplicationScoped} bean implementing this:
 * {@link Archive} collects every bean. Rows keep their column order (a LinkedHashMap); values are strings, numbers,
 * booleans, dates, UUIDs, null or a Jackson JsonNode (written as JSON text in the CSV).
 */
public interface ArchiveSection {

    /** File stem and JSON key, lower-case with hyphens: {@code organisations}, {@code agreement-versions}. */
    String name();

    /** Where the section comes in the archive (smaller first). */
    int order();

    /** The columns, also when there are no rows (the CSV's header). */
    List<String> columns();

    /** The partnership's records of this kind, in a stable order. Called in the export's transaction. */
    List<Map<String, Object>> rows(UUID partnershipId);
}
