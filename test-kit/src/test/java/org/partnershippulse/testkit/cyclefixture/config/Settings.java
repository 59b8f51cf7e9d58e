package org.partnershippulse.testkit.cyclefixture.config;

public class Settings {
}
