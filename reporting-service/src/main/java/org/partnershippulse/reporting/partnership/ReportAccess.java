package org.partnershippulse.reporting.partnership;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.partnershippulse.kit.security.CurrentUser;
import org.partnershippulse.projection.PersonRoleView;

/**
 * Who may read a partnership's reports: its coordinators and members (any active role in the partnership, from the
 * projection of partnership-service's events) and platform administrators. Everyone else is told the report does
 * not exist (404), never that it exists and is forbidden.
 */
@RequestScoped
public class ReportAccess {

    @Inject
    CurrentUser currentUser;

    public boolean canRead(UUID partnershipId) {
        if (currentUser.isPlatformAdmin()) {
            return true;
        }
        String subject = currentUser.subject();
        return subject != null && PersonRoleView.isActiveIn(subject, partnershipId);
    }

    /** Who may cut an interim release: the partnership's coordinators and platform administrators. */
    public boolean canRelease(UUID partnershipId) {
        if (currentUser.isPlatformAdmin()) {
            return true;
        }
        String subject = currentUser.subject();
        return subject != null && PersonRoleView.holds(subject, partnershipId, PersonRoleView.COORDINATOR);
    }
}
