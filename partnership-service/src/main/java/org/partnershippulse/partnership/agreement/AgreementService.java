package org.partnershippulse.partnership.agreement;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.paging.QueryFilter;
import org.partnershippulse.kit.paging.SortSpec;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.web.Versions;
import org.partnershippulse.partnership.access.AccessRules;
import org.partnershippulse.partnership.access.PartnershipAccess;
import org.partnershippulse.partnership.audit.AuditTrail;
import org.partnershippulse.partnership.model.Membership;
import org.partnershippulse.partnership.model.Organisation;
import org.partnershippulse.partnership.model.Partnership;
import org.partnershippulse.partnership.model.PartnershipStatus;
import org.partnershippulse.partnership.model.Person;

/** Agreements (MOUs): drafted from the BCR model, versioned, signed per member organisation, renewed annually. */
@ApplicationScoped
public class AgreementService {

    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "title", "title", "status", "status");

    @Inject
    PartnershipAccess access;

    @Inject
    AuditTrail audit;

    @Transactional
    public Page<AgreementApi.View> list(UUID partnershipId, PageParams paging, AgreementStatus status) {
        access.readable(partnershipId);
        QueryFilter filter = new QueryFilter().with("partnershipId = :partnership", "partnership", partnershipId);
        if (status == AgreementStatus.EXPIRED) {
            filter.with("status = :active and renewalDueOn < :today", "active", AgreementStatus.ACTIVE).param("today", LocalDate.now());
        } else if (status == AgreementStatus.ACTIVE) {
            filter.with("status = :active and (renewalDueOn is null or renewalDueOn >= :today)", "active", AgreementStatus.ACTIVE)
                    .param("today", LocalDate.now());
        } else {
            filter.when(status, "status = :status", "status");
        }
        Sort sort = SortSpec.parse(paging.sort, SORTABLE, Sort.descending("createdAt").and("id"));
        return Page.of(Agreement.find(filter.query(), sort, filter.params()), paging, this::view);
    }

    @Transactional
    public AgreementApi.View get(UUID partnershipId, UUID agreementId) {
        access.readable(partnershipId);
        return view(find(partnershipId, agreementId));
    }

    @Transactional
    public AgreementApi.View draft(UUID partnershipId, AgreementApi.Request request) {
        Partnership partnership = access.manageable(partnershipId);
        if (partnership.status == PartnershipStatus.DISSOLVED) {
            throw ProblemException.conflict("The partnership is dissolved");
        }
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.partnershipId = partnershipId;
        agreement.status = AgreementStatus.DRAFT;
        agreement.currentVersion = 0;
        apply(agreement, request);
        agreement.touch(audit.actor());
        agreement.persist();
        newVersion(agreement, textFor(agreement, partnership, request.text()), "Drafted from the BCR Model MOU");
        agreement.persistAndFlush();
        audit.record(partnershipId, "agreement", agreement.id, "drafted", "Drafted " + agreement.title);
        return view(agreement);
    }

    @Transactional
    public AgreementApi.View update(UUID partnershipId, UUID agreementId, String ifMatch, AgreementApi.Request request) {
        Partnership partnership = access.manageable(partnershipId);
        Agreement agreement = find(partnershipId, agreementId);
        Versions.requireMatch(ifMatch, agreement.version);
        if (agreement.status == AgreementStatus.TERMINATED) {
            throw ProblemException.conflict("A terminated agreement cannot be changed");
        }
        apply(agreement, request);
        String text = textFor(agreement, partnership, request.text());
        if (!text.equals(currentText(agreement))) {
            newVersion(agreement, text, agreement.status == AgreementStatus.DRAFT ? "Draft edited"
                    : "Text changed: every member signs the new version");
        }
        agreement.touch(audit.actor());
        agreement.persistAndFlush();
        audit.record(partnershipId, "agreement", agreementId, "updated", "Updated " + agreement.title + " (version " + agreement.currentVersion + ")");
        return view(agreement);
    }

    @Transactional
    public AgreementApi.View activate(UUID partnershipId, UUID agreementId, String ifMatch) {
        access.manageable(partnershipId);
        Agreement agreement = find(partnershipId, agreementId);
        Versions.requireMatch(ifMatch, agreement.version);
        transition(agreement, AgreementStatus.ACTIVE);
        agreement.activatedOn = LocalDate.now();
        agreement.renewalDueOn = AgreementRules.renewalDue(agreement.activatedOn);
        agreement.touch(audit.actor());
        agreement.persistAndFlush();
        audit.record(partnershipId, "agreement", agreementId, "activated", "Activated " + agreement.title);
        return view(agreement);
    }

    /** The annual re-signature: the same text as a new version, which every member signs again. */
    @Transactional
    public AgreementApi.View renew(UUID partnershipId, UUID agreementId, String ifMatch) {
        access.manageable(partnershipId);
        Agreement agreement = find(partnershipId, agreementId);
        Versions.requireMatch(ifMatch, agreement.version);
        if (agreement.status != AgreementStatus.ACTIVE) {
            throw ProblemException.conflict("Only an active or expired agreement is renewed");
        }
        newVersion(agreement, currentText(agreement), "Annual renewal: every member signs again");
        agreement.renewalDueOn = AgreementRules.renewalDue(LocalDate.now());
        agreement.touch(audit.actor());
        agreement.persistAndFlush();
        audit.record(partnershipId, "agreement", agreementId, "renewed", "Renewal of " + agreement.title + " until " + agreement.renewalDueOn);
        return view(agreement);
    }

    @Transactional
    public AgreementApi.View terminate(UUID partnershipId, UUID agreementId, String ifMatch, AgreementApi.Termination termination) {
        access.manageable(partnershipId);
        Agreement agreement = find(partnershipId, agreementId);
        Versions.requireMatch(ifMatch, agreement.version);
        transition(agreement, AgreementStatus.TERMINATED);
        agreement.terminatedOn = LocalDate.now();
        agreement.terminationReason = termination.reason();
        agreement.touch(audit.actor());
        agreement.persistAndFlush();
        audit.record(partnershipId, "agreement", agreementId, "terminated", "Terminated: " + termination.reason());
        return view(agreement);
    }

    @Transactional
    public List<AgreementApi.Version> versions(UUID partnershipId, UUID agreementId) {
        access.readable(partnershipId);
        find(partnershipId, agreementId);
        return AgreementVersion.<AgreementVersion>list("agreementId = ?1 order by number", agreementId).stream()
                .map(v -> new AgreementApi.Version(v.number, v.reason, v.createdAt, v.createdBy, v.text)).toList();
    }

    /**
     * Members sign for their own organisation, the one their coordinators recorded (a person cannot change it
     * themself); coordinators may record a signature given on paper. Outsiders get 404, as for the partnership.
     */
    @Transactional
    public AgreementApi.Signature sign(UUID partnershipId, UUID agreementId, AgreementApi.SignatureRequest request) {
        access.readable(partnershipId);
        Agreement agreement = find(partnershipId, agreementId);
        AgreementStatus status = AgreementRules.status(agreement.status, agreement.renewalDueOn, LocalDate.now());
        if (status != AgreementStatus.ACTIVE && status != AgreementStatus.DRAFT) {
            throw ProblemException.conflict("A " + status.name().toLowerCase() + " agreement cannot be signed");
        }
        Optional<Person> caller = access.callerPerson();
        boolean ownOrganisation = caller.map(p -> request.organisationId().equals(p.organisationId)).orElse(false);
        access.enforce(AccessRules.toSignFor(access.isPlatformAdmin(), access.callerRoles(partnershipId), ownOrganisation), partnershipId);
        if (Membership.count("partnershipId = ?1 and organisationId = ?2 and leftOn is null", partnershipId, request.organisationId()) == 0) {
            throw ProblemException.invalid("organisationId", "is not a current member of the partnership");
        }
        if (AgreementSignature.count("agreementId = ?1 and versionNumber = ?2 and organisationId = ?3",
                agreementId, agreement.currentVersion, request.organisationId()) > 0) {
            throw ProblemException.duplicate("organisationId", "this organisation has already signed version " + agreement.currentVersion);
        }
        String signerName = request.signerName() != null && !request.signerName().isBlank() ? request.signerName().trim()
                : ownOrganisation ? caller.get().name : null;
        if (signerName == null) {
            throw ProblemException.invalid("signerName", "is required when recording another organisation's signature");
        }
        AgreementSignature signature = new AgreementSignature();
        signature.id = UUID.randomUUID();
        signature.agreementId = agreementId;
        signature.versionNumber = agreement.currentVersion;
        signature.organisationId = request.organisationId();
        signature.signerPersonId = ownOrganisation ? caller.get().id : null;
        signature.signerName = signerName;
        signature.signerTitle = request.signerTitle();
        signature.signedAt = Instant.now();
        signature.recordedBy = audit.actor();
        signature.persist();
        Organisation organisation = Organisation.findById(request.organisationId());
        audit.record(partnershipId, "agreement", agreementId, "signed",
                organisation.name + " signed version " + agreement.currentVersion + " (" + signerName + ")");
        return signatureView(signature, organisation);
    }

    private void transition(Agreement agreement, AgreementStatus to) {
        AgreementStatus from = AgreementRules.status(agreement.status, agreement.renewalDueOn, LocalDate.now());
        try {
            AgreementRules.requireTransition(from, to);
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        agreement.status = to;
    }

    private static void apply(Agreement agreement, AgreementApi.Request request) {
        MouDefaults defaults = MouDefaults.BCR;
        agreement.title = blankToDefault(request.title(), agreement.title == null ? "Memorandum of Understanding" : agreement.title);
        agreement.meetingFrequency = blankToDefault(request.meetingFrequency(),
                agreement.meetingFrequency == null ? defaults.meetingFrequency() : agreement.meetingFrequency);
        agreement.decisionProcess = request.decisionProcess() != null ? request.decisionProcess() : agreement.decisionProcess;
        agreement.memberDuties = request.memberDuties() != null ? List.copyOf(request.memberDuties())
                : agreement.memberDuties.isEmpty() ? defaults.memberDuties() : agreement.memberDuties;
    }

    private static String textFor(Agreement agreement, Partnership partnership, String customText) {
        if (customText != null && !customText.isBlank()) {
            return customText.strip() + "\n";
        }
        Set<String> modelDuties = Set.copyOf(MouDefaults.BCR.memberDuties());
        List<String> further = agreement.memberDuties.stream().filter(d -> !modelDuties.contains(d)).toList();
        List<MouTemplate.Member> members = Membership.<Membership>list("partnershipId = ?1 and leftOn is null order by joinedOn, id",
                partnership.id).stream()
                .map(m -> new MouTemplate.Member(Organisation.<Organisation>findById(m.organisationId).name)).toList();
        return MouTemplate.render(partnership.geographyName, agreement.meetingFrequency, agreement.decisionProcess, further, members);
    }

    private void newVersion(Agreement agreement, String text, String reason) {
        AgreementVersion version = new AgreementVersion();
        version.id = UUID.randomUUID();
        version.agreementId = agreement.id;
        version.number = agreement.currentVersion + 1;
        version.text = text;
        version.reason = reason;
        version.createdAt = Instant.now();
        version.createdBy = audit.actor();
        version.persist();
        agreement.currentVersion = version.number;
    }

    private static String currentText(Agreement agreement) {
        return AgreementVersion.<AgreementVersion>find("agreementId = ?1 and number = ?2", agreement.id, agreement.currentVersion)
                .firstResultOptional().map(v -> v.text).orElse("");
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static Agreement find(UUID partnershipId, UUID agreementId) {
        return Agreement.<Agreement>find("id = ?1 and partnershipId = ?2", agreementId, partnershipId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Agreement", agreementId));
    }

    private static AgreementApi.Signature signatureView(AgreementSignature s, Organisation o) {
        return new AgreementApi.Signature(s.id, s.versionNumber, s.organisationId, o.name, s.signerPersonId, s.signerName,
                s.signerTitle, s.signedAt, s.recordedBy);
    }

    AgreementApi.View view(Agreement a) {
        List<AgreementSignature> signatures = AgreementSignature.list("agreementId = ?1 and versionNumber = ?2 order by signedAt",
                a.id, a.currentVersion);
        Set<UUID> signed = signatures.stream().map(s -> s.organisationId).collect(Collectors.toSet());
        List<AgreementApi.MissingSignature> missing = Membership.<Membership>list(
                        "partnershipId = ?1 and leftOn is null order by joinedOn, id", a.partnershipId).stream()
                .filter(m -> !signed.contains(m.organisationId))
                .map(m -> new AgreementApi.MissingSignature(m.organisationId, Organisation.<Organisation>findById(m.organisationId).name))
                .toList();
        LocalDate today = LocalDate.now();
        return new AgreementApi.View(a.id, a.partnershipId, a.title, AgreementRules.status(a.status, a.renewalDueOn, today),
                a.meetingFrequency, a.decisionProcess, a.memberDuties, a.currentVersion, currentText(a), a.activatedOn,
                a.renewalDueOn, AgreementRules.dueForRenewal(a.status, a.renewalDueOn, today), a.terminatedOn,
                a.terminationReason,
                signatures.stream().map(s -> signatureView(s, Organisation.findById(s.organisationId))).toList(),
                missing, a.createdAt, a.createdBy, a.updatedAt, a.updatedBy, a.version);
    }
}
