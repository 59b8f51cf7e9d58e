package org.partnershippulse.assessment.round;

public enum RoundStatus { DRAFT, OPEN, CLOSED }
