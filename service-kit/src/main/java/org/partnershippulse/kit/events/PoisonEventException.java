package org.partnershippulse.kit.events;

/**
 * An event that can never be applied (malformed, unknown type, data not matching its schema). Consumers let it go
 * to the dead-letter topic with this message as the reason, and carry on with the next one.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason, null, false, false);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
