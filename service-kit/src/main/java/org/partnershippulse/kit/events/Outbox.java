package org.partnershippulse.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the caller's transaction. It is published by {@link OutboxRelay} only once that transaction
 * has committed, and always then, even if Kafka is down at the time: no event lost, none invented. The commit
 * wakes the relay, so the event leaves at once instead of at the next poll.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper mapper;

    @Inject
    OutboxRelay relay;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent record(EventType type, String partitionKey, String subject, Object data) {
        // The trace of the change travels with its event (CloudEvents Distributed Tracing extension).
        EventTracing.Carried trace = EventTracing.current();
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID(), "/" + source, type.type(), subject,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), "application/json", type.dataschema(), partitionKey,
                trace.traceparent(), trace.tracestate(), mapper.valueToTree(data));
        OutboxEvent row = new OutboxEvent();
        row.id = event.id();
        row.topic = type.topic();
        row.messageKey = partitionKey;
        row.type = type.type();
        row.createdAt = event.time();
        row.traceparent = trace.traceparent();
        row.tracestate = trace.tracestate();
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be serialised: " + type.type(), e);
        }
        row.persist();
        wakeRelayAfterCommit();
        return event;
    }

    private void wakeRelayAfterCommit() {
        if (transaction.getResource(Outbox.class) != null) {
            return; // one wake per transaction, however many events it records
        }
        transaction.putResource(Outbox.class, Boolean.TRUE);
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
