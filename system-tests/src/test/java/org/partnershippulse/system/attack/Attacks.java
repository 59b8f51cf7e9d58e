package org.partnershippulse.system.attack;

import java.util.ArrayList;
import java.util.List;

/**
 * The ledger of an attack run: every attempt is named, and either the system held (the attempt obtained nothing) or
 * the attack succeeded, with what it obtained. An attempt that could not be carried out (its set-up failed) is an
 * error: it proves nothing either way, so it fails the run too.
 */
final class Attacks {

    /** One attempt: answers what the attacker obtained, or null when the system held. */
    @FunctionalInterface
    interface Attempt {
        String obtained() throws Exception;
    }

    private final List<String> succeeded = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private int tried;

    void attempt(String name, Attempt attempt) {
        tried++;
        try {
            String obtained = attempt.obtained();
            if (obtained != null) {
                succeeded.add(name + ": " + obtained);
            }
            System.out.printf("  %-8s %s%n", obtained == null ? "held" : "BREACHED", name);
        } catch (Exception | AssertionError e) {
            errors.add(name + ": could not be carried out: " + e);
            System.out.printf("  %-8s %s (%s)%n", "ERROR", name, e.getMessage());
        }
    }

    int tried() {
        return tried;
    }

    List<String> succeeded() {
        return succeeded;
    }

    List<String> errors() {
        return errors;
    }

    String summary() {
        return String.format("attacks: %d tried, %d succeeded", tried, succeeded.size());
    }
}
