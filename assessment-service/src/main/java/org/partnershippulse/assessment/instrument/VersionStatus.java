package org.partnershippulse.assessment.instrument;

/** An instrument version is authored as a draft and is immutable once published. */
public enum VersionStatus { DRAFT, PUBLISHED }
