package org.partnershippulse.events.improvement;

/**
 * A catalogue suggestion a goal adopts, word for word: {@code key} names it in the catalogue
 * ({@code wested/<condition>/<start-here|go-deeper>/<n>} for WestEd's Things to try,
 * {@code bcr/<guideline>} for BCR's guidelines), {@code source} is WESTED_THINGS_TO_TRY or BCR_GUIDELINE, and
 * {@code text} is the seed's text in {@code language}.
 */
public record ThingToTry(String key, String source, String language, String text) {
}
