package org.partnershippulse.kit.events;

/**
 * Applies one type of event, its data already bound to the type's payload record, in the transaction of the batch
 * it came in ({@link EventPipeline}). Every check that makes the event poison ({@link PoisonEventException}) comes
 * before the first write, and handlers are not intercepted: a poison event must not doom the batch's transaction.
 */
@FunctionalInterface
public interface EventHandler<T> {

    void handle(T data, Delivery delivery);

    /**
     * One event being applied.
     *
     * @param position the event's place in its batch (a {@link BatchWork} reports poison by position)
     */
    record Delivery(CloudEvent event, int position, Batch batch) {
    }
}
