package org.partnershippulse.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** reporting-service's own settings ({@code pulse.reporting.*}, environment {@code PULSE_REPORTING_*}). */
@ConfigMapping(prefix = "pulse.reporting")
public interface ReportingConfig {

    Rebuild rebuild();

    interface Rebuild {

        /** Replay both topics into fresh read models when the service starts (before it reports). */
        @WithDefault("false")
        boolean atStart();

        /** Longest a rebuild may take; it is one transaction, undone as a whole if it does not finish. */
        @WithDefault("PT30M")
        Duration timeout();
    }
}
