package org.partnershippulse.kit.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What the handlers of one batch share: its batch work, and what to do once the batch has committed. */
public final class Batch {

    private final boolean replay;
    private final Map<Class<?>, BatchWork> works = new LinkedHashMap<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    Batch(boolean replay) {
        this.replay = replay;
    }

    /** True while history is replayed (a rebuild): effects that happen once, when an event is new, are not repeated. */
    public boolean replay() {
        return replay;
    }

    /** The batch's work of this kind, created by the first handler that asks. */
    public <W extends BatchWork> W work(Class<W> kind, Supplier<W> create) {
        return kind.cast(works.computeIfAbsent(kind, k -> create.get()));
    }

    /** Runs after the batch's transaction committed (live consumption only; not during a replay). */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    Iterable<BatchWork> works() {
        return works.values();
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }
}
