package org.partnershippulse.deploy;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** Collects every broken rule before failing, so that one run lists them all. */
final class Problems {

    private final List<String> problems = new ArrayList<>();

    void check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    void add(String problem) {
        problems.add(problem);
    }

    @Override
    public String toString() {
        return String.join("\n", problems);
    }

    void assertNone(String what) {
        if (!problems.isEmpty()) {
            fail(what + ":\n  - " + String.join("\n  - ", problems));
        }
    }
}
