package org.partnershippulse.partnership;

import org.partnershippulse.testkit.ArchitectureCheck;

class ArchitectureTest extends ArchitectureCheck {

    @Override
    protected String rootPackage() {
        return "org.partnershippulse.partnership";
    }
}
