package org.partnershippulse.testkit.cyclefixture.diagnostics;

/** The probe: a diagnostics class with a field of an ingest type, while ingest uses diagnostics. */
public class Ping {
    org.partnershippulse.testkit.cyclefixture.ingest.Consumer consumer;
}
