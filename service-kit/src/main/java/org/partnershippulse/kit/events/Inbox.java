package org.partnershippulse.kit.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The consumer side of exactly-once effects: remembers, in the same transaction as the effect, each event id a
 * consumer has applied. A redelivered or replayed event is then recognised and changes nothing. One statement per
 * batch, however many events.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    /** Records the event ids; returns those this consumer did not hold yet (first deliveries). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return new HashSet<>();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            Set<UUID> inserted = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("""
                    insert into processed_event (consumer, event_id, processed_at)
                    select ?, id, now() from unnest(?) as id on conflict do nothing returning event_id""")) {
                s.setString(1, consumer);
                s.setArray(2, c.createArrayOf("uuid", ids.toArray()));
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
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String consumer, Collection<UUID> ids) {
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

    /** Forgets everything the consumers applied: a rebuild replays them all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear(Collection<String> consumers) {
        em.createNativeQuery("delete from processed_event where consumer in (:consumers)")
                .setParameter("consumers", consumers).executeUpdate();
    }
}
