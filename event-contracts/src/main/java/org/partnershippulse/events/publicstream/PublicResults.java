package org.partnershippulse.events.publicstream;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of public round.results-released: the group figures of one release exactly as the release shows them to the
 * partnership's members (groups below the round's minimum suppressed, complementary suppression applied, items
 * answered by fewer than the minimum withheld), and nothing else: no individual answer, no reflection or note, no
 * free text. Published only when the partnership shares its results publicly, and only for a release that shows
 * results at all (at least the minimum responded).
 */
public record PublicResults(UUID roundId, UUID partnershipId, String instrumentKey, int instrumentVersion,
        Release release, int minimumGroupSize, Participation participation, List<Item> items, List<Section> sections,
        List<SectorDifference> sectorDifferences, List<Coverage> coverage) {

    /** @param trigger CLOSE or INTERIM */
    public record Release(int number, Instant cutAt, String trigger) {
    }

    public record Participation(int invited, int responded, Double rate, List<Group> bySector, List<Group> byRole,
            int hiddenSectorGroups, int hiddenRoleGroups) {
    }

    public record Group(String group, Integer invited, int responded, Double rate) {
    }

    /** An item; {@code withheld} when fewer than the minimum answered it (no distribution, no figures). */
    public record Item(String sectionKey, String itemKey, String scaleType, int responses, boolean withheld,
            List<OptionCount> distribution, Double mean, Double median, Double consensus) {
    }

    public record OptionCount(String value, long count, double share) {
    }

    public record Section(String key, long answers, Double meanScore, Double normalisedScore) {
    }

    /** An item where shown sector groups (each at or above the minimum) differ most. */
    public record SectorDifference(String itemKey, double spread, List<GroupMean> sectors) {
    }

    public record GroupMean(String group, long responses, double mean) {
    }

    /** Personal instruments: per rated item, how many rate themselves high; never a profile. */
    public record Coverage(String sectionKey, String itemKey, int responses, boolean withheld, List<String> highOptions,
            Long ratedHigh, Double share) {
    }
}
