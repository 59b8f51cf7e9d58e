package org.partnershippulse.partnership.me;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.kit.security.Caller;
import org.partnershippulse.kit.security.CurrentUser;
import org.partnershippulse.partnership.events.PartnershipEvents;
import org.partnershippulse.partnership.model.Partnership;
import org.partnershippulse.partnership.model.PartnershipStatus;
import org.partnershippulse.partnership.model.Person;
import org.partnershippulse.partnership.model.PersonRole;
import org.partnershippulse.partnership.model.PersonRoleType;
import org.partnershippulse.partnership.person.PersonApi;
import org.partnershippulse.partnership.person.PersonService;

@ApplicationScoped
public class MeService {

    /** The caller as every service's {@code GET /me} describes them, plus their person entry and partnerships. */
    @Schema(name = "Me")
    public record Me(
            @Schema(description = "Keycloak subject", example = "a0000000-0000-4000-8000-000000000002") String subject,
            @Schema(description = "Username, else the subject", example = "rivera") String username,
            @Schema(nullable = true, description = "Display name, when the token has one", example = "Maria Rivera") String name,
            @Schema(nullable = true, description = "E-mail, when the token has one", example = "rivera@example.org") String email,
            @Schema(description = "Holds the platform-admin realm role") boolean platformAdmin,
            @Schema(nullable = true, description = "Your person entry; null until a coordinator adds you") PersonApi.View person,
            @Schema(description = "Your partnerships with your roles in each") List<MyPartnership> partnerships) {

        static Me of(Caller caller, PersonApi.View person, List<MyPartnership> partnerships) {
            return new Me(caller.subject(), caller.username(), caller.name(), caller.email(), caller.platformAdmin(),
                    person, partnerships);
        }
    }

    @Schema(name = "MyPartnership")
    public record MyPartnership(UUID partnershipId, String name, PartnershipStatus status, List<PersonRoleType> roles) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    PersonService people;

    @Inject
    PartnershipEvents events;

    @Transactional
    public Me me() {
        Optional<Person> person = Person.<Person>find("subject", currentUser.subject()).firstResultOptional()
                .or(this::linkByEmail);
        if (person.isEmpty()) {
            return Me.of(currentUser.describe(), null, List.of());
        }
        Map<UUID, List<PersonRoleType>> roles = new LinkedHashMap<>();
        PersonRole.<PersonRole>list("person.id = ?1 and revokedAt is null order by grantedAt", person.get().id)
                .forEach(r -> roles.computeIfAbsent(r.partnershipId, k -> new java.util.ArrayList<>()).add(r.role));
        List<MyPartnership> partnerships = roles.entrySet().stream().map(e -> {
            Partnership p = Partnership.findById(e.getKey());
            return new MyPartnership(p.id, p.name, p.status, e.getValue());
        }).toList();
        return Me.of(currentUser.describe(), people.view(person.get()), partnerships);
    }

    /**
     * A coordinator may add someone before they have an account: on their first sign-in with the same e-mail, which
     * Keycloak has verified, the person entry with that e-mail (and no login yet) becomes theirs. An unverified
     * address links nobody. When several partnerships added the address separately, the oldest entry is linked and
     * the others stay pending (a platform administrator can grant their roles to the linked entry): a login is one
     * person.
     */
    private Optional<Person> linkByEmail() {
        Optional<String> email = currentUser.email();
        if (email.isEmpty() || !currentUser.emailVerified()) {
            return Optional.empty();
        }
        Optional<Person> unlinked = Person.<Person>find("lower(email) = ?1 and subject is null order by createdAt, id",
                        email.get().trim().toLowerCase()).firstResultOptional();
        unlinked.ifPresent(person -> {
            person.subject = currentUser.subject();
            person.touch(currentUser.username());
            people.recordEverywhere(person.id, "linked", person.name + " signed in for the first time (verified e-mail)");
            events.personUpdated(person);
        });
        return unlinked;
    }
}
