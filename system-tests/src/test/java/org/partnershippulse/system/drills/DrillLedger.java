package org.partnershippulse.system.drills;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.partnershippulse.systemkit.Coalition;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseService;
import org.partnershippulse.systemkit.SubmissionLoad;

/**
 * What a drill's coalition must report, per round: the submissions the system accepted, plus those whose answer was
 * cut by the fault but which assessment-service shows as submitted (asked as the respondent would). The scale-out
 * and restore drills count with it as {@link FaultDrillsIT} does with its own map.
 */
final class DrillLedger {

    /**
     * For the instances a drill starts: on a machine busy with the load (and CI neighbours) opening the first
     * database connection at start can take longer than the pool's default 5 s, which fails the start.
     */
    static final Map<String, String> BUSY_MACHINE = Map.of("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30S");

    static Map<String, String> with(Map<String, String> variables) {
        Map<String, String> all = new java.util.HashMap<>(BUSY_MACHINE);
        all.putAll(variables);
        return all;
    }

    private final Coalition coalition;
    final Map<UUID, Integer> accepted = new TreeMap<>();

    DrillLedger(Coalition coalition) {
        this.coalition = coalition;
    }

    /** Adds a finished load's accepted submissions; answers how many failed ones had committed anyway. */
    int add(SubmissionLoad load) {
        load.acceptedPerRound().forEach((round, n) -> accepted.merge(round, n, Integer::sum));
        int committedAnyway = 0;
        for (SubmissionLoad.Outcome o : load.outcomes(o -> !o.accepted())) {
            if (submitted(o.slot())) {
                committedAnyway++;
                accepted.merge(o.slot().roundId(), 1, Integer::sum);
            }
        }
        return committedAnyway;
    }

    int total() {
        return accepted.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Whether assessment-service shows this respondent's response to the round as submitted. */
    boolean submitted(Coalition.Slot slot) {
        PulseApi.Reply own = coalition.api().call("GET", PulseService.ASSESSMENT, slot.user(),
                "/rounds/" + slot.roundId() + "/response", null, null);
        return own.ok() && "SUBMITTED".equals(own.body().path("status").asText());
    }

    /** Waits until each round's report counts what was accepted (or FaultDrillsIT.SETTLE passed); answers what they count. */
    Map<UUID, Integer> awaitReported() {
        return FaultDrillsIT.awaitReported(coalition, accepted);
    }

    int lost(Map<UUID, Integer> reported) {
        return accepted.entrySet().stream().mapToInt(e -> Math.max(0, e.getValue() - reported.getOrDefault(e.getKey(), 0))).sum();
    }

    int duplicated(Map<UUID, Integer> reported) {
        return accepted.entrySet().stream().mapToInt(e -> Math.max(0, reported.getOrDefault(e.getKey(), 0) - e.getValue())).sum();
    }

    /** The partnership's name as the round report shows it (reporting-service's copy of the partnership). */
    String reportedPartnershipName(UUID round) {
        return coalition.api().get(PulseService.REPORTING, coalition.coordinator(), "/rounds/" + round + "/report")
                .path("partnershipName").asText();
    }

    /** The partnership's name as assessment-service shows it in the coordinator's open rounds (its copy). */
    String assessmentPartnershipName() {
        for (int page = 0; page < 100; page++) {
            JsonNode rounds = coalition.api().get(PulseService.ASSESSMENT, coalition.coordinator(), "/me/rounds?size=100&page=" + page);
            for (JsonNode r : rounds.path("items")) {
                if (coalition.partnershipId().toString().equals(r.path("partnershipId").asText())) {
                    return r.path("partnershipName").asText();
                }
            }
            if (page + 1 >= rounds.path("totalPages").asInt()) {
                break;
            }
        }
        return null;
    }

    /** Renames the coalition's partnership as its administrator (GET, then PUT with its ETag); the reply of the PUT. */
    PulseApi.Reply rename(String name) {
        String path = "/partnerships/" + coalition.partnershipId();
        PulseApi api = coalition.api();
        PulseApi.Reply current = api.call("GET", PulseService.PARTNERSHIP, "admin", path, null, null);
        if (!current.ok()) {
            return current;
        }
        JsonNode p = current.body();
        if (name.equals(p.path("name").asText())) {
            return current; // an earlier attempt cut by the fault had committed
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", name);
        for (String field : List.of("geographyType", "geographyName", "status", "structure", "leadOrganisationId")) {
            if (p.hasNonNull(field)) {
                body.put(field, p.get(field).asText());
            }
        }
        return api.call("PUT", PulseService.PARTNERSHIP, "admin", path, body, current.etag());
    }
}
