package org.partnershippulse.partnership.sector;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sector taxonomy with each sector's contribution as the seeds describe it (seeds/sectors.json). */
@ApplicationScoped
public class SectorCatalog {

    @Schema(name = "SectorInfo", description = "A sector partners come from, with what it brings as the seed documents describe it")
    public record SectorInfo(
            @Schema(example = "PHILANTHROPY") Sector code,
            @Schema(example = "Philanthropy") String name,
            @Schema(description = "Listed in the BCR sector table: expected in a partnership unless it adjusts its list") boolean essentialByDefault,
            String contribution,
            @Schema(description = "Seed documents the contribution comes from (000 BCR, 001 toolkit, 002 APHSA)") List<String> sources,
            @Schema(description = "The contribution is quoted word for word from a seed") boolean contributionQuoted) {
    }

    private final List<SectorInfo> sectors;

    @Inject
    public SectorCatalog(ObjectMapper mapper) {
        try (InputStream in = SectorCatalog.class.getResourceAsStream("/seeds/sectors.json")) {
            sectors = List.copyOf(mapper.readValue(in, new TypeReference<List<SectorInfo>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("seeds/sectors.json cannot be read", e);
        }
    }

    public List<SectorInfo> all() {
        return sectors;
    }

    /** The BCR table's sectors: what a partnership is expected to include unless it sets its own list. */
    public Set<Sector> essentialByDefault() {
        return sectors.stream().filter(SectorInfo::essentialByDefault).map(SectorInfo::code)
                .collect(Collectors.toUnmodifiableSet());
    }
}
