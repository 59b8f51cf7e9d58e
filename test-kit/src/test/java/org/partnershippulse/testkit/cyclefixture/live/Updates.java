package org.partnershippulse.testkit.cyclefixture.live;

import org.partnershippulse.testkit.cyclefixture.config.Settings;

public class Updates {
    Settings settings;
}
