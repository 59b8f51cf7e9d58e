package org.partnershippulse.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** reporting-service's own settings ({@code pulse.reporting.*}, environment {@code PULSE_REPORTING_*}). */
@ConfigMapping(prefix = "pulse.reporting")
public interface ReportingConfig {

    Rebuild rebuild();

    Live live();

    ReadModels readModels();

    Benchmark benchmark();

    /** Benchmarks across partnerships (contracts/privacy.md §5). */
    interface Benchmark {

        /**
         * Contributing partnerships a benchmark figure needs before it shows anything, and the number of them whose
         * values must have changed before it shows new values. Never below 5: the service does not start otherwise.
         */
        @WithDefault("5")
        @Min(value = 5, message = "must be at least 5: fewer partnerships' means would be nearly as good as named")
        int minimumPartnerships();
    }

    /** How current the read models are (reporting's freshness headers and gauge). */
    interface ReadModels {

        /** Beyond this, answers say {@code Pulse-Read-Model-Stale: true}. */
        @WithDefault("PT30S")
        Duration maxStaleness();

        /** How often the topics' end offsets are compared with the consumers' committed offsets. */
        @WithDefault("5s")
        String checkInterval();

        /**
         * From this many new responses in a batch (a rebuild's slice, a large poll) on, they are written with COPY
         * rather than an insert from arrays: measured in the README (Benchmarks, rebuild).
         */
        @WithDefault("500")
        int copyFrom();
    }

    interface Live {

        /** How often an open live stream hears from the service when nothing changed. */
        @WithDefault("PT15S")
        Duration heartbeat();

        /**
         * How often the open streams are served: per round with viewers, one short transaction re-checks each
         * viewer's access and computes the summary, pushed to those whose last one differs. No connection is held
         * in between.
         */
        @WithDefault("PT1S")
        Duration poll();

        /** Open streams one caller (login) may hold at once; beyond, 429. */
        @WithDefault("3")
        int maxPerCaller();

        /** Open streams of one round at once (on this instance); beyond, 429. */
        @WithDefault("200")
        int maxPerRound();

        /** The Retry-After of a refused stream. */
        @WithDefault("PT15S")
        Duration retryAfter();
    }

    interface Rebuild {

        /** Replay both topics into fresh read models when the service starts (before it reports). */
        @WithDefault("false")
        boolean atStart();

        /** Longest a rebuild may take; it is one transaction, undone as a whole if it does not finish. */
        @WithDefault("PT30M")
        Duration timeout();

        /** Read (poll and parse) the next slice of the topics while the current one is written: measured in README. */
        @WithDefault("true")
        boolean prefetch();

        /**
         * Events applied together: their inbox rows, response rows and netted counts are each written by one
         * statement. Larger slices write the counts of a round fewer times; memory grows with the slice (two of them
         * while prefetching), not with the topics.
         */
        @WithDefault("5000")
        int slice();
    }
}
