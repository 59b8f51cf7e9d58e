package org.partnershippulse.reporting.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.projection.MembershipView;
import org.partnershippulse.reporting.partnership.ReportAccess;
import org.partnershippulse.reporting.release.Release;
import org.partnershippulse.reporting.release.ReleaseService;
import org.partnershippulse.reporting.round.InstrumentSnapshot;
import org.partnershippulse.reporting.round.RoundView;

/** Reads a relationship round's network from its latest release and computes it with {@link NetworkAnalysis}. */
@ApplicationScoped
public class NetworkService {

    public static final String RELATIONSHIP = "RELATIONSHIP";
    static final String LEVEL = "relationship-level";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    ReportAccess access;

    @Inject
    ReleaseService releases;

    @Transactional(Transactional.TxType.SUPPORTS)
    public NetworkReport report(UUID roundId) {
        RoundView round = RoundView.findById(roundId);
        if (round == null || !access.canRead(round.partnershipId) || !isRelationship(round)) {
            throw ProblemException.notFound("Relationship round", roundId);
        }
        Optional<Release> release = releases.latest(roundId);
        Computed now = compute(round, release);
        NetworkReport.Change change = previous(round).map(p -> change(p, now)).orElse(null);
        NetworkAnalysis.Result r = now.result();
        return new NetworkReport(round.id, round.partnershipId, round.title, release.map(Release::ref).orElse(null),
                r.nodes().stream().map(f -> new NetworkReport.Organisation(f.node().id(), f.node().name(), f.node().sector(),
                        f.degree(), f.betweenness(), f.normalisedBetweenness())).toList(),
                r.ties().stream().map(t -> new NetworkReport.Tie(t.a(), t.b(), t.sides(), t.level(), t.value(), t.trust())).toList(),
                r.density(), r.degreeCentralisation(), r.reciprocity(), r.ratedFromBothSides(), r.reciprocated(),
                r.averageValue(), r.averageTrust(),
                r.sectorPairs().stream().map(s -> new NetworkReport.SectorPair(s.sectorA(), s.sectorB(), s.ratings(),
                        s.averageValue(), s.averageTrust())).toList(),
                r.unreciprocated().stream().map(u -> new NetworkReport.Unreciprocated(u.a(), u.b())).toList(), change);
    }

    /** Whether the round's instrument is answered per organisation (its snapshot's type). */
    public boolean isRelationship(RoundView round) {
        try {
            return RELATIONSHIP.equals(mapper.readTree(round.instrument).path("type").asText());
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private record Computed(RoundView round, Optional<Release> release, NetworkAnalysis.Result result) {
    }

    private Computed compute(RoundView round, Optional<Release> release) {
        if (release.isEmpty()) {
            return new Computed(round, release, NetworkAnalysis.analyse(List.of(), List.of()));
        }
        InstrumentSnapshot instrument = read(round.instrument, new TypeReference<>() {
        });
        Map<String, Map<String, Integer>> scores = new HashMap<>(); // item → option → score
        Map<String, String> sectionOf = new HashMap<>();
        for (InstrumentSnapshot.Section section : instrument.sections()) {
            for (InstrumentSnapshot.Item item : section.items()) {
                sectionOf.put(item.key(), section.key());
                Map<String, Integer> options = new HashMap<>();
                instrument.scale(item.scale()).ifPresent(s -> s.options().forEach(o -> {
                    if (o.score() != null) {
                        options.put(o.value(), o.score());
                    }
                }));
                scores.put(item.key(), options);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select rater_organisation_id, rated_organisation_id, skipped, cast(answers as text)
                        from release_network_rating where round_id = ?1 and release_number = ?2""")
                .setParameter(1, round.id).setParameter(2, release.get().number()).getResultList();
        Set<UUID> organisations = new LinkedHashSet<>();
        List<NetworkAnalysis.Rating> ratings = new ArrayList<>();
        for (Object[] row : rows) {
            UUID rater = (UUID) row[0];
            UUID rated = (UUID) row[1];
            organisations.add(rater);
            organisations.add(rated);
            if (Boolean.TRUE.equals(row[2])) {
                continue;
            }
            Map<String, String> answers = read((String) row[3], new TypeReference<>() {
            });
            Integer level = scores.getOrDefault(LEVEL, Map.of()).get(answers.get(LEVEL));
            if (level == null) {
                continue;
            }
            ratings.add(new NetworkAnalysis.Rating(rater, rated, level, mean(answers, "value", sectionOf, scores),
                    mean(answers, "trust", sectionOf, scores)));
        }
        Map<UUID, MembershipView> members = new HashMap<>();
        MembershipView.<MembershipView>list("partnershipId = ?1", round.partnershipId)
                .forEach(m -> members.merge(m.organisationId, m, (a, b) -> a.leftOn == null ? a : b));
        List<NetworkAnalysis.Node> nodes = organisations.stream().map(id -> {
            MembershipView m = members.get(id);
            return new NetworkAnalysis.Node(id, m == null ? id.toString() : m.organisationName,
                    m == null || m.sector == null ? "UNKNOWN" : m.sector);
        }).sorted(Comparator.comparing(NetworkAnalysis.Node::sector).thenComparing(NetworkAnalysis.Node::name)
                .thenComparing(NetworkAnalysis.Node::id)).toList();
        return new Computed(round, release, NetworkAnalysis.analyse(nodes, ratings));
    }

    /** The mean score of the answered items of a section, null when none. */
    private static Double mean(Map<String, String> answers, String section, Map<String, String> sectionOf,
                               Map<String, Map<String, Integer>> scores) {
        List<Double> values = new ArrayList<>();
        answers.forEach((item, value) -> {
            if (section.equals(sectionOf.get(item))) {
                Integer score = scores.getOrDefault(item, Map.of()).get(value);
                if (score != null) {
                    values.add(score.doubleValue());
                }
            }
        });
        return NetworkAnalysis.mean(values);
    }

    /** The partnership's latest relationship round opened before this one that has a release. */
    private Optional<Computed> previous(RoundView round) {
        if (round.openedAt == null) {
            return Optional.empty();
        }
        List<RoundView> earlier = RoundView.list("partnershipId = ?1 and instrumentKey = ?2 and openedAt < ?3 and id <> ?4 "
                + "order by openedAt desc", round.partnershipId, round.instrumentKey, round.openedAt, round.id);
        for (RoundView r : earlier) {
            Optional<Release> release = releases.latest(r.id);
            if (release.isPresent() && isRelationship(r)) {
                return Optional.of(compute(r, release));
            }
        }
        return Optional.empty();
    }

    private static NetworkReport.Change change(Computed before, Computed now) {
        NetworkAnalysis.Result b = before.result();
        NetworkAnalysis.Result a = now.result();
        var ties = NetworkAnalysis.tieChanges(b.ties(), a.ties());
        return new NetworkReport.Change(before.round().id, before.release().map(Release::ref).orElse(null),
                a.density() - b.density(), diff(a.degreeCentralisation(), b.degreeCentralisation()),
                diff(a.reciprocity(), b.reciprocity()), diff(a.averageValue(), b.averageValue()),
                diff(a.averageTrust(), b.averageTrust()), ties.get("added"), ties.get("lost"));
    }

    private static Double diff(Double now, Double before) {
        return now == null || before == null ? null : now - before;
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable read model JSON", e);
        }
    }
}
