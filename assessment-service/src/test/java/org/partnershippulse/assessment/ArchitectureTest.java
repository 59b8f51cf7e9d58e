package org.partnershippulse.assessment;

import org.partnershippulse.testkit.ArchitectureCheck;

class ArchitectureTest extends ArchitectureCheck {

    @Override
    protected String rootPackage() {
        return "org.partnershippulse.assessment";
    }
}
