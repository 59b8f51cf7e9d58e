package org.partnershippulse.kit.events;

import java.util.Map;

/**
 * Work a consumer nets over a whole batch instead of doing per event (e.g. writing many responses' counts with a
 * few statements). Collected by handlers through {@link Batch#work}; finished, in the batch's transaction, after
 * every event of the batch was handled.
 */
public interface BatchWork {

    /** @return position → why that event cannot be applied (it goes to the dead-letter topic) */
    Map<Integer, PoisonEventException> finish();
}
