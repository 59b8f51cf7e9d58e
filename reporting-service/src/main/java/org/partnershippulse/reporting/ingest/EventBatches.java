package org.partnershippulse.reporting.ingest;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.partnershippulse.kit.events.CloudEvent;
import org.partnershippulse.kit.events.CloudEventReader;
import org.partnershippulse.kit.events.PoisonEventException;
import org.partnershippulse.reporting.events.Consumption;
import org.partnershippulse.reporting.live.RoundUpdates;
import org.partnershippulse.reporting.partnership.PartnershipEventsConsumer;
import org.partnershippulse.reporting.release.ReleaseService;
import org.partnershippulse.reporting.round.RoundProjection;

/**
 * Applies the records of one poll (live consumption) or of one slice of a topic (rebuild) in one transaction: one
 * inbox statement for all of them, each event applied in order, the response revisions of the whole batch netted in
 * memory and written with a few array statements ({@link RoundProjection#responses}). Each record keeps its own
 * outcome: a poison event is set aside with its reason (its inbox row removed, so a redelivery is dead-lettered
 * again) and the others are applied; a transient failure undoes and retries the whole batch.
 */
@ApplicationScoped
public class EventBatches {

    private static final Logger LOG = Logger.getLogger(EventBatches.class);
    static final String RESPONSE_SUBMITTED = "org.partnershippulse.assessment.response-submitted.v1";
    static final String ROUND_CLOSED = "org.partnershippulse.round.closed.v1";
    /** Below this many records, reading them in parallel costs more than it saves. */
    private static final int PARALLEL_FROM = 200;

    @Inject
    EntityManager em;

    @Inject
    CloudEventReader reader;

    @Inject
    AssessmentEventsConsumer assessment;

    @Inject
    PartnershipEventsConsumer partnerships;

    @Inject
    RoundProjection rounds;

    @Inject
    Consumption consumption;

    @Inject
    RoundUpdates updates;

    @Inject
    ReleaseService releases;

    /**
     * What a batch did.
     *
     * @param rounds the rounds whose state changed or that got a release (for the live streams: a response alone
     *               changes no result, so it is not pushed)
     * @param poison position in the batch → why that event cannot be applied
     */
    public record Outcome(Set<UUID> rounds, Map<Integer, PoisonEventException> poison) {
    }

    /**
     * Live consumption of one poll of a channel: applies it (retrying transient failures), sends each poison record to
     * the dead-letter topic with its reason, then acknowledges the batch; the live streams hear of changed rounds.
     */
    public CompletionStage<Void> consume(String consumer, KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        List<String> values = records.stream().map(KafkaRecord::getPayload).toList();
        Outcome outcome = consumption.apply(consumer, () -> apply(consumer, values, true));
        outcome.rounds().forEach(updates::changed);
        // Dead-lettered before the batch's offsets are committed: a crash in between redelivers, never loses.
        CompletableFuture.allOf(outcome.poison().entrySet().stream()
                .map(p -> records.get(p.getKey()).nack(p.getValue()).toCompletableFuture())
                .toArray(CompletableFuture[]::new)).join();
        return batch.ack();
    }

    /**
     * Applies the events in the caller's transaction, in order; see the class comment. A round closed in the batch
     * gets its release ({@link ReleaseService#cut}) once the batch's responses are applied, unless {@code cutReleases}
     * is false (a rebuild: the releases were cut when the events were first consumed, and are kept).
     */
    public Outcome apply(String consumer, List<String> values, boolean cutReleases) {
        List<Parsed> parsed = parse(consumer, values);
        Map<Integer, PoisonEventException> poison = new LinkedHashMap<>();
        Map<Integer, CloudEvent> events = new LinkedHashMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i).poison() != null) {
                poison.put(i, parsed.get(i).poison());
            }
            if (parsed.get(i).event() != null) {
                events.put(i, parsed.get(i).event());
            }
        }
        Set<UUID> first = firstDeliveries(consumer, events.values().stream().map(CloudEvent::id).toList());
        Set<UUID> changed = new LinkedHashSet<>();
        Set<UUID> closed = new LinkedHashSet<>();
        List<RoundProjection.Submitted> responses = new ArrayList<>();
        events.forEach((position, event) -> {
            // A redelivery, or the same event twice in the batch: only its first occurrence is applied.
            if (!first.remove(event.id()) || poison.containsKey(position)) {
                return;
            }
            try {
                if (PartnershipEventsConsumer.CONSUMER.equals(consumer)) {
                    partnerships.apply(event);
                } else if (parsed.get(position).response() != null) {
                    responses.add(parsed.get(position).response());
                } else {
                    UUID round = assessment.apply(event);
                    if (round != null) {
                        changed.add(round);
                        if (ROUND_CLOSED.equals(event.type())) {
                            closed.add(round);
                        }
                    }
                }
            } catch (PoisonEventException e) {
                poison.put(position, e);
            }
        });
        poison.putAll(rounds.responses(responses, new HashSet<>()));
        if (cutReleases) {
            for (UUID round : closed) {
                ReleaseService.Attempt attempt = releases.cut(round, ReleaseService.CLOSE);
                if (attempt.release() == null) {
                    LOG.infof("Round %s closed without a new release: %s", round, attempt.decision());
                }
            }
        }
        forget(consumer, poison.keySet().stream().map(events::get).filter(e -> e != null).map(CloudEvent::id).toList());
        return new Outcome(changed, poison);
    }

    /** A record read: its event (null if unreadable), a response's checked data, or why it is poison. */
    private record Parsed(CloudEvent event, RoundProjection.Submitted response, PoisonEventException poison) {
    }

    /**
     * Reads and checks every record on its own (no database): in parallel for a large batch (a rebuild's slice), where
     * reading the JSON is most of the work.
     */
    private List<Parsed> parse(String consumer, List<String> values) {
        boolean responses = AssessmentEventsConsumer.CONSUMER.equals(consumer);
        IntStream positions = IntStream.range(0, values.size());
        return (values.size() >= PARALLEL_FROM ? positions.parallel() : positions).mapToObj(i -> {
            CloudEvent event = null;
            try {
                event = reader.read(values.get(i));
                if (responses && RESPONSE_SUBMITTED.equals(event.type())) {
                    return new Parsed(event, rounds.prepare(i, reader.data(event, RoundProjection.ResponseData.class)), null);
                }
                return new Parsed(event, null, null);
            } catch (PoisonEventException e) {
                return new Parsed(event, null, e);
            }
        }).toList();
    }

    /** Records the event ids in the inbox; returns those it did not hold yet. */
    private Set<UUID> firstDeliveries(String consumer, List<UUID> ids) {
        if (ids.isEmpty()) {
            return new HashSet<>();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            Set<UUID> inserted = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("""
                    insert into processed_event (consumer, event_id, processed_at)
                    select ?, id, now() from unnest(?) as id on conflict do nothing returning event_id""")) {
                Array array = c.createArrayOf("uuid", ids.toArray());
                s.setString(1, consumer);
                s.setArray(2, array);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        inserted.add(r.getObject(1, UUID.class));
                    }
                }
            }
            return inserted;
        });
    }

    /** Poison events are not "processed": a redelivery must reach the dead-letter topic again. */
    private void forget(String consumer, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("delete from processed_event where consumer = ? and event_id = any(?)")) {
                s.setString(1, consumer);
                s.setArray(2, c.createArrayOf("uuid", ids.toArray()));
                s.executeUpdate();
            }
        });
    }
}
