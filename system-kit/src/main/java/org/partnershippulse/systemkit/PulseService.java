package org.partnershippulse.systemkit;

/** The three services, their port offset from PULSE_PORT_BASE and their database role. */
public enum PulseService {
    PARTNERSHIP("partnership-service", 0, "pulse_partnership"),
    ASSESSMENT("assessment-service", 1, "pulse_assessment"),
    REPORTING("reporting-service", 2, "pulse_reporting");

    private final String serviceName;
    private final int offset;
    private final String role;

    PulseService(String serviceName, int offset, String role) {
        this.serviceName = serviceName;
        this.offset = offset;
        this.role = role;
    }

    public String serviceName() {
        return serviceName;
    }

    public int offset() {
        return offset;
    }

    public String role() {
        return role;
    }
}
