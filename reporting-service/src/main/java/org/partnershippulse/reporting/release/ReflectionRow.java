package org.partnershippulse.reporting.release;

/** A reflection as a release freezes it: reports show reflections only from a release, so the release owns the row. */
public record ReflectionRow(String itemKey, String kind, String text) {
}
