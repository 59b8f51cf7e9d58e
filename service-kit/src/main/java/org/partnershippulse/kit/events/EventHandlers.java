package org.partnershippulse.kit.events;

import java.util.HashMap;
import java.util.Map;

/**
 * The handlers of one consumer, one per event type it applies, and the types it knows and does not need. Any other
 * type is poison: it is not in the contract.
 */
public final class EventHandlers {

    /** A type's payload record and its handler; a known type without a handler is skipped. */
    record Route<T>(Class<T> data, EventHandler<T> handler) {
    }

    private final String consumer;
    private final Map<String, Route<?>> routes = new HashMap<>();

    private EventHandlers(String consumer) {
        this.consumer = consumer;
    }

    /** @param consumer the consumer's name in the inbox: events are applied once per consumer */
    public static EventHandlers of(String consumer) {
        return new EventHandlers(consumer);
    }

    public <T> EventHandlers on(EventType type, Class<T> data, EventHandler<T> handler) {
        if (routes.putIfAbsent(type.type(), new Route<>(data, handler)) != null) {
            throw new IllegalStateException(type.type() + " has two handlers in " + consumer);
        }
        return this;
    }

    /** Types this consumer knows and does not need: recorded in the inbox, never dead-lettered. */
    public EventHandlers ignore(EventType... types) {
        for (EventType type : types) {
            routes.putIfAbsent(type.type(), new Route<>(Void.class, null));
        }
        return this;
    }

    public String consumer() {
        return consumer;
    }

    Route<?> route(String type) {
        return routes.get(type);
    }
}
