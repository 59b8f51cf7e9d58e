package org.partnershippulse.partnership.improvement;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.paging.QueryFilter;
import org.partnershippulse.kit.paging.SortSpec;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.web.Versions;
import org.partnershippulse.partnership.access.PartnershipAccess;
import org.partnershippulse.partnership.audit.AuditTrail;

/**
 * The partnership's common measures (WestEd 6.3), their values over time and a trend of the latest value against
 * the baseline. Coordinators define measures and record values; check-ins of goals measured by one add values too.
 */
@ApplicationScoped
public class MeasureService {

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "kind", "kind", "createdAt", "createdAt");

    @Inject
    PartnershipAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    ImprovementEvents events;

    @Transactional
    public Page<ImprovementApi.MeasureView> list(UUID partnershipId, PageParams paging, MeasureKind kind) {
        access.readable(partnershipId);
        QueryFilter filter = new QueryFilter().with("partnershipId = :partnership", "partnership", partnershipId)
                .when(kind, "kind = :kind", "kind");
        Sort sort = SortSpec.parse(paging.sort, SORTABLE, Sort.ascending("name").and("id"));
        return Page.of(CommonMeasure.find(filter.query(), sort, filter.params()), paging, MeasureService::view);
    }

    @Transactional
    public ImprovementApi.MeasureView get(UUID partnershipId, UUID measureId) {
        access.readable(partnershipId);
        return view(Lookup.measure(partnershipId, measureId));
    }

    @Transactional
    public ImprovementApi.MeasureView define(UUID partnershipId, ImprovementApi.MeasureRequest request) {
        access.manageable(partnershipId);
        CommonMeasure m = new CommonMeasure();
        m.id = UUID.randomUUID();
        m.partnershipId = partnershipId;
        apply(m, request);
        m.touch(audit.actor());
        m.persistAndFlush();
        audit.record(partnershipId, "measure", m.id, "defined", "Defined measure " + m.name + " (" + m.kind + ", " + m.unit + ")");
        events.measure(PartnershipEventType.MEASURE_DEFINED, m);
        return view(m);
    }

    @Transactional
    public ImprovementApi.MeasureView update(UUID partnershipId, UUID measureId, String ifMatch, ImprovementApi.MeasureRequest request) {
        access.manageable(partnershipId);
        CommonMeasure m = Lookup.measure(partnershipId, measureId);
        Versions.requireMatch(ifMatch, m.version);
        apply(m, request);
        m.touch(audit.actor());
        m.persistAndFlush();
        audit.record(partnershipId, "measure", m.id, "updated", "Updated measure " + m.name);
        events.measure(PartnershipEventType.MEASURE_CHANGED, m);
        return view(m);
    }

    @Transactional
    public Page<ImprovementApi.ValueView> values(UUID partnershipId, UUID measureId, PageParams paging) {
        access.readable(partnershipId);
        CommonMeasure m = Lookup.measure(partnershipId, measureId);
        return Page.of(MeasureValue.find("measureId", Sort.descending("observedOn").and("recordedAt").and("id"), m.id), paging,
                MeasureService::valueView);
    }

    @Transactional
    public ImprovementApi.ValueView record(UUID partnershipId, UUID measureId, ImprovementApi.ValueRequest request) {
        access.manageable(partnershipId);
        CommonMeasure m = Lookup.measure(partnershipId, measureId);
        if (request.observedOn().isAfter(LocalDate.now())) {
            throw ProblemException.invalid("observedOn", "must not be in the future");
        }
        MeasureValue v = newValue(m.id, partnershipId, request.value(), request.observedOn(), audit.actor(),
                access.callerPerson().map(p -> p.id).orElse(null), null, null);
        MeasureValue.flush();
        audit.record(partnershipId, "measure", m.id, "value-recorded", m.name + ": " + Trend.plain(v.value) + " " + m.unit
                + " on " + v.observedOn);
        events.value(v);
        return valueView(v);
    }

    /** A value, persisted; from a check-in of a goal when {@code checkInId} is given. */
    static MeasureValue newValue(UUID measureId, UUID partnershipId, BigDecimal value, LocalDate observedOn, String recordedBy,
            UUID recordedByPersonId, UUID checkInId, UUID goalId) {
        MeasureValue v = new MeasureValue();
        v.id = UUID.randomUUID();
        v.measureId = measureId;
        v.partnershipId = partnershipId;
        v.value = value;
        v.observedOn = observedOn;
        v.recordedAt = Instant.now();
        v.recordedBy = recordedBy;
        v.recordedByPersonId = recordedByPersonId;
        v.goalId = goalId;
        v.checkInId = checkInId;
        v.persist();
        return v;
    }

    private void apply(CommonMeasure m, ImprovementApi.MeasureRequest request) {
        String name = request.name().trim();
        if (CommonMeasure.count("partnershipId = ?1 and lower(name) = lower(?2) and id <> ?3", m.partnershipId, name, m.id) > 0) {
            throw ProblemException.duplicate("name", "the partnership already has a measure of this name");
        }
        m.name = name;
        m.description = request.description() == null || request.description().isBlank() ? null : request.description().trim();
        m.kind = request.kind();
        m.unit = request.unit().trim();
        m.baseline = request.baseline();
        m.target = request.target();
        m.direction = request.direction();
    }

    static ImprovementApi.MeasureView view(CommonMeasure m) {
        MeasureValue latest = MeasureValue.<MeasureValue>find("measureId", Sort.descending("observedOn").and("recordedAt"), m.id)
                .firstResult();
        Trend t = Trend.of(m.baseline, m.target, m.direction, latest == null ? null : latest.value);
        return new ImprovementApi.MeasureView(m.id, m.partnershipId, m.name, m.description, m.kind, m.unit, Trend.plain(m.baseline),
                Trend.plain(m.target), m.direction,
                new ImprovementApi.TrendView(t.latest(), latest == null ? null : latest.observedOn, t.change(), t.assessment(), t.progress()),
                m.createdAt, m.createdBy, m.updatedAt, m.updatedBy, m.version);
    }

    static ImprovementApi.ValueView valueView(MeasureValue v) {
        return new ImprovementApi.ValueView(v.id, v.measureId, Trend.plain(v.value), v.observedOn, v.recordedAt, v.recordedBy,
                v.goalId, v.checkInId);
    }
}
