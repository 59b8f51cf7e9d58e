package org.partnershippulse.assessment.instrument;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.partnershippulse.assessment.instrument.InstrumentApi.Summary;
import org.partnershippulse.assessment.instrument.InstrumentApi.VersionDocument;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.events.assessment.InstrumentPublishedData;
import org.partnershippulse.kit.events.Outbox;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.paging.SortSpec;
import org.partnershippulse.kit.problem.Problem.Violation;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.web.Versions;

/**
 * The instrument catalogue: listing and reading for everyone (published versions), authoring for platform
 * administrators. A published version never changes; publishing tells the other services the full snapshot.
 */
@ApplicationScoped
public class InstrumentService {

    private static final Map<String, String> SORTABLE = Map.of(
            "key", "instrumentKey", "version", "number", "title", "title", "publishedAt", "publishedAt");

    @Inject
    ObjectMapper mapper;

    @Inject
    Catalogue catalogue;

    @Inject
    Outbox outbox;

    public record Filter(String key, InstrumentDefinition.Kind kind, VersionStatus status, String search) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Summary> list(Filter filter, PageParams params, boolean includeDrafts) {
        List<String> where = new ArrayList<>();
        Map<String, Object> args = new HashMap<>();
        if (!includeDrafts) {
            where.add("status = :published");
            args.put("published", VersionStatus.PUBLISHED);
        }
        if (filter.key() != null) {
            where.add("instrumentKey = :key");
            args.put("key", filter.key());
        }
        if (filter.kind() != null) {
            where.add("kind = :kind");
            args.put("kind", filter.kind());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            args.put("status", filter.status());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            where.add("(lower(title) like :search or lower(instrumentKey) like :search)");
            args.put("search", "%" + filter.search().toLowerCase().trim() + "%");
        }
        Sort sort = SortSpec.parse(params.sort, SORTABLE, Sort.by("instrumentKey").and("number").and("id"));
        PanacheQuery<InstrumentVersion> query = InstrumentVersion.find(String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where), sort, args);
        List<Summary> items = query.page(params.page(), params.size()).list().stream().map(Summary::of).toList();
        return Page.of(items, params, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InstrumentVersion version(String key, int number, boolean includeDrafts) {
        return InstrumentVersion.find(key, number)
                .filter(v -> includeDrafts || v.isPublished())
                .orElseThrow(() -> ProblemException.notFound("Instrument version", key + "/" + number));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LocalizedInstrument localized(String key, int number, String language, boolean includeDrafts) {
        InstrumentVersion v = version(key, number, includeDrafts);
        return LocalizedInstrument.of(catalogue.definition(v), v.number, v.status, v.publishedAt, v.revision, language);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VersionDocument document(String key, int number) {
        return document(version(key, number, true));
    }

    @Transactional
    public VersionDocument create(InstrumentDefinition definition, String author) {
        requireValid(definition);
        if (Instrument.findByIdOptional(definition.key()).isPresent()) {
            throw ProblemException.duplicate("key", "an instrument with this key exists; add a version to it instead");
        }
        Instrument instrument = new Instrument();
        instrument.key = definition.key();
        instrument.createdAt = now();
        instrument.createdBy = author;
        instrument.persist();
        return document(newDraft(definition, 1));
    }

    @Transactional
    public VersionDocument update(String key, int number, InstrumentDefinition definition, String ifMatch) {
        InstrumentVersion v = version(key, number, true);
        requireDraft(v);
        Versions.requireMatch(ifMatch, v.revision);
        if (!key.equals(definition.key())) {
            throw ProblemException.invalid("key", "must be " + key + ", the key of the instrument being edited");
        }
        requireValid(definition);
        requireComparable(key, number, definition);
        apply(v, definition);
        v.updatedAt = now();
        InstrumentVersion.getEntityManager().flush();
        return document(v);
    }

    /** A new draft version, carrying every section and item (by key) of the latest version. */
    @Transactional
    public VersionDocument newVersion(String key) {
        InstrumentVersion latest = InstrumentVersion.latest(key)
                .orElseThrow(() -> ProblemException.notFound("Instrument", key));
        if (!latest.isPublished()) {
            throw ProblemException.conflict("Version " + latest.number + " of " + key
                    + " is still a draft; edit or publish it before starting another version");
        }
        return document(newDraft(catalogue.definition(latest), latest.number + 1));
    }

    @Transactional
    public VersionDocument publish(String key, int number, String ifMatch) {
        InstrumentVersion v = version(key, number, true);
        requireDraft(v);
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, v.revision);
        }
        InstrumentDefinition definition = catalogue.definition(v);
        requireValid(definition);
        requireComparable(key, number, definition);
        markPublished(v, definition);
        InstrumentVersion.getEntityManager().flush();
        return document(v);
    }

    /** Adds a version as published at once: the seeded catalogue. Does nothing if the version exists. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean seed(InstrumentDefinition definition, int number, String author) {
        if (InstrumentVersion.find(definition.key(), number).isPresent()) {
            return false;
        }
        requireValid(definition);
        if (Instrument.findByIdOptional(definition.key()).isEmpty()) {
            Instrument instrument = new Instrument();
            instrument.key = definition.key();
            instrument.createdAt = now();
            instrument.createdBy = author;
            instrument.persist();
        }
        markPublished(newDraft(definition, number), definition);
        return true;
    }

    private void markPublished(InstrumentVersion v, InstrumentDefinition definition) {
        v.status = VersionStatus.PUBLISHED;
        v.publishedAt = now();
        v.updatedAt = v.publishedAt;
        outbox.record(AssessmentEventType.INSTRUMENT_PUBLISHED, v.instrumentKey,
                "instruments/" + v.instrumentKey + "/versions/" + v.number,
                new InstrumentPublishedData(v.instrumentKey, v.number, definition.kind().name(), v.publishedAt,
                        mapper.valueToTree(definition)));
    }

    private InstrumentVersion newDraft(InstrumentDefinition definition, int number) {
        InstrumentVersion v = new InstrumentVersion();
        v.id = UUID.randomUUID();
        v.instrumentKey = definition.key();
        v.number = number;
        v.status = VersionStatus.DRAFT;
        v.createdAt = now();
        v.updatedAt = v.createdAt;
        apply(v, definition);
        v.persist();
        InstrumentVersion.getEntityManager().flush();
        return v;
    }

    private void apply(InstrumentVersion v, InstrumentDefinition definition) {
        v.kind = definition.kind();
        v.title = definition.title().get(DefinitionRules.DEFAULT_LANGUAGE);
        v.itemCount = definition.items().size();
        v.content = catalogue.write(definition);
    }

    private void requireComparable(String key, int number, InstrumentDefinition definition) {
        if (number <= 1) {
            return;
        }
        InstrumentVersion.find(key, number - 1).ifPresent(previous -> {
            List<Violation> violations = DefinitionRules.checkCarriedItems(catalogue.definition(previous), definition);
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations);
            }
        });
    }

    private static void requireDraft(InstrumentVersion v) {
        if (v.isPublished()) {
            throw ProblemException.conflict("Version " + v.number + " of " + v.instrumentKey
                    + " is published and can no longer change; start a new version (POST /instruments/"
                    + v.instrumentKey + "/versions)");
        }
    }

    private static void requireValid(InstrumentDefinition definition) {
        List<Violation> violations = DefinitionRules.check(definition);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }


    private VersionDocument document(InstrumentVersion v) {
        return new VersionDocument(v.instrumentKey, v.number, v.status, v.revision, v.createdAt, v.updatedAt,
                v.publishedAt, catalogue.definition(v));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
