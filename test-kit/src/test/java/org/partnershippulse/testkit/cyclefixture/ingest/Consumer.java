package org.partnershippulse.testkit.cyclefixture.ingest;

import org.partnershippulse.testkit.cyclefixture.config.Settings;
import org.partnershippulse.testkit.cyclefixture.diagnostics.Ping;
import org.partnershippulse.testkit.cyclefixture.live.Updates;

/** Uses diagnostics, live and config, as reporting's consumer does. */
public class Consumer {
    Ping ping;
    Updates updates;
    Settings settings;
}
