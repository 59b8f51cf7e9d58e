package org.partnershippulse.partnership.access;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who may change a person or an organisation, records that several partnerships may see (contracts/privacy.md §2).
 * A partnership sees a person it added, or who holds or held a role in it; it sees an organisation it added, or that
 * is or was a member. A change needs the platform administrator or a coordinator of every partnership that sees the
 * record, since each of them relies on it (a person's organisation decides what they may sign). A person may change
 * their own name, never their own e-mail or organisation.
 */
public final class SharedRecordRules {

    /** The fields of a person the person themself may change. */
    public static final Set<String> SELF_EDITABLE = Set.of("name");

    private SharedRecordRules() {
    }

    /** The outcome for a change; {@code field} names the field the caller may not change, when one is to blame. */
    public record Verdict(Access access, String field, String reason) {

        static final Verdict ALLOWED = new Verdict(Access.ALLOWED, null, null);

        public boolean allowed() {
            return access == Access.ALLOWED;
        }
    }

    /**
     * @param seenBy the partnerships that see the record; a record no partnership sees is the administrator's alone
     * @param coordinatedByCaller the partnerships in which the caller holds the COORDINATOR role
     */
    public static boolean entitledInEvery(boolean platformAdmin, Collection<UUID> seenBy, Collection<UUID> coordinatedByCaller) {
        return platformAdmin || (!seenBy.isEmpty() && coordinatedByCaller.containsAll(seenBy));
    }

    public static Verdict toChangeOrganisation(boolean platformAdmin, Collection<UUID> seenBy, Collection<UUID> coordinatedByCaller) {
        return entitledInEvery(platformAdmin, seenBy, coordinatedByCaller) ? Verdict.ALLOWED
                : new Verdict(Access.FORBIDDEN, null, "Only the platform administrator or a coordinator of every partnership"
                        + " that has this organisation may change it");
    }

    /**
     * @param self the caller is this person
     * @param changedFields the fields the change would alter (an unchanged field is no change)
     */
    public static Verdict toChangePerson(boolean platformAdmin, boolean self, Collection<UUID> seenBy,
            Collection<UUID> coordinatedByCaller, List<String> changedFields) {
        if (entitledInEvery(platformAdmin, seenBy, coordinatedByCaller)) {
            return Verdict.ALLOWED;
        }
        if (self) {
            return changedFields.stream().filter(f -> !SELF_EDITABLE.contains(f)).findFirst()
                    .map(f -> new Verdict(Access.FORBIDDEN, f, "you may change your own name only; your partnership's coordinators record your " + f))
                    .orElse(Verdict.ALLOWED);
        }
        return new Verdict(Access.FORBIDDEN, null,
                "Only the platform administrator or a coordinator of every partnership that has this person may change them");
    }

    /**
     * Roles go only to people the partnership already has (added for it, or holding or having held a role in it);
     * the platform administrator may grant a role to anyone.
     */
    public static boolean mayGrantRoleTo(boolean platformAdmin, UUID partnershipId, Collection<UUID> personSeenBy) {
        return platformAdmin || personSeenBy.contains(partnershipId);
    }
}
