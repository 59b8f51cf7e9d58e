package org.partnershippulse.kit.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * The consumer side of exactly-once effects: remembers, in the same transaction as the effect, each event id a
 * consumer has applied. A redelivered or replayed event is then recognised and changes nothing.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    /** @return true the first time this consumer sees the event (and records it); false for a redelivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        int inserted = em.createNativeQuery("""
                        insert into processed_event (consumer, event_id, processed_at) values (:consumer, :id, :at)
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .setParameter("at", Instant.now())
                .executeUpdate();
        return inserted == 1;
    }
}
