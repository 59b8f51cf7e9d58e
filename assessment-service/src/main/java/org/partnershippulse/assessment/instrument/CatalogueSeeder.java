package org.partnershippulse.assessment.instrument;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Seeds the catalogue with the four instruments of the source documents (resources {@code instruments/*.json}, the
 * items word for word), each as a published version, at startup.
 *
 * <p>Why at startup rather than in a Flyway migration: the seeds go through the same rules as authored instruments,
 * and publishing them writes the instrument-published event to the outbox like any other publication, which SQL
 * could not do. It is idempotent: a version that exists is left alone (published versions never change), and an
 * advisory lock keeps two replicas starting together from racing.
 */
@ApplicationScoped
public class CatalogueSeeder {

    private static final Logger LOG = Logger.getLogger(CatalogueSeeder.class);
    private static final long SEED_LOCK = 7_401_122_906L;

    static final List<String> SEEDS = List.of(
            "bcr-partnership-assessment-inventory",
            "bcr-leadership-self-assessment",
            "wested-essential-conditions",
            "aphsa-dimensions-of-partnership",
            // our own relationship instrument (not from the seeds: its levels quote APHSA's continuum)
            "partner-relationships");

    @Inject
    InstrumentService instruments;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        em.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", SEED_LOCK).getSingleResult();
        for (String key : SEEDS) {
            JsonNode seed = read("instruments/" + key + ".json");
            int version = seed.path("version").asInt(1);
            InstrumentDefinition definition = definition(seed);
            if (instruments.seed(definition, version, "seed")) {
                LOG.infof("Seeded instrument %s version %d", key, version);
            }
        }
    }

    /** The seed files also carry their version number, which is not part of the definition. */
    private InstrumentDefinition definition(JsonNode seed) {
        try {
            return mapper.readerFor(InstrumentDefinition.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Seed instrument missing: " + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
