package org.partnershippulse.partnership.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.partnershippulse.partnership.agreement.Agreement;
import org.partnershippulse.partnership.agreement.AgreementSignature;
import org.partnershippulse.partnership.agreement.AgreementVersion;
import org.partnershippulse.partnership.audit.AuditEntry;
import org.partnershippulse.partnership.model.Membership;
import org.partnershippulse.partnership.model.Organisation;
import org.partnershippulse.partnership.model.Partnership;
import org.partnershippulse.partnership.model.PersonRole;
import org.partnershippulse.partnership.releasedreport.ReleasedReport;

/**
 * The record kinds of partnership-service's own data, one bean each (see {@link ArchiveSection}). People appear with
 * name, e-mail and organisation (what the partnership's coordinators see), never a login subject.
 */
final class ArchiveSections {

    private ArchiveSections() {
    }

    @ApplicationScoped
    static class PartnershipSection implements ArchiveSection {
        static final List<String> COLUMNS = List.of("id", "name", "description", "geographyType", "geographyName", "vision",
                "purpose", "sharedValues", "status", "structure", "leadOrganisationId", "meetingCadence", "declaredDimension",
                "aspiredDimension", "sharesResultsPublicly", "dissolvedOn", "dissolutionReason", "createdAt", "updatedAt");

        public String name() {
            return "partnership";
        }

        public int order() {
            return 0;
        }

        public List<String> columns() {
            return COLUMNS;
        }

        public List<Map<String, Object>> rows(UUID partnershipId) {
            Partnership p = Partnership.findById(partnershipId);
            return List.of(Rows.of(COLUMNS, p.id, p.name, p.description, p.geographyType, p.geographyName, p.vision, p.purpose,
                    String.join("; ", p.sharedValues), p.status, p.structure, p.leadOrganisationId, p.meetingCadence,
                    p.declaredDimension, p.aspiredDimension, p.sharesResultsPublicly, p.dissolvedOn, p.dissolutionReason,
                    p.createdAt, p.updatedAt));
        }
    }

    /** Member organisations with their sector and their part in the partnership (current and former). */
    @ApplicationScoped
    static class OrganisationSection implements ArchiveSection {
        static final List<String> COLUMNS = List.of("membershipId", "organisationId", "name", "type", "sector", "website",
                "role", "joinedOn", "leftOn", "contribution");

        public String name() {
            return "organisations";
        }

        public int order() {
            return 10;
        }

        public List<String> columns() {
            return COLUMNS;
        }

        public List<Map<String, Object>> rows(UUID partnershipId) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Membership m : Membership.<Membership>list("partnershipId = ?1 order by joinedOn, id", partnershipId)) {
                Organisation o = Organisation.findById(m.organisationId);
                rows.add(Rows.of(COLUMNS, m.id, m.organisationId, o == null ? null : o.name, o == null ? null : o.type,
                        o == null ? null : o.sector, o == null ? null : o.website, m.role, m.joinedOn, m.leftOn, m.contribution));
            }
            return rows;
        }
    }

    /** People and their roles in the partnership, one row per role (revoked ones included). */
    @ApplicationScoped
    static class PeopleSection implements ArchiveSection {
        static final List<String> COLUMNS = List.of("roleId", "personId", "name", "email", "organisationId", "organisation",
                "role", "grantedAt", "grantedBy", "revokedAt", "revokedBy");

        public String name() {
            return "people";
        }

        public int order() {
            return 20;
        }

        public List<String> columns() {
            return COLUMNS;
        }

        public List<Map<String, Object>> rows(UUID partnershipId) {
            List<Map<String, Object>> rows = new ArrayList<>();
            List<PersonRole> roles = PersonRole.list("partnershipId = ?1 order by grantedAt, id", partnershipId);
            for (PersonRole r : roles) {
                Organisation o = r.person.organisationId == null ? null : Organisation.findById(r.person.organisationId);
                rows.add(Rows.of(COLUMNS, r.id, r.person.id, r.person.name, r.person.email, r.person.organisationId,
                        o == null ? null : o.name, r.role, r.grantedAt, r.grantedBy, r.revokedAt, r.revokedBy));
            }
            return rows;
        }
    }

    @ApplicationScoped
    static class AgreementSection implements ArchiveSection {
        static final List<String> COLUMNS = List.of("agreementId", "title", "status", "currentVersion", "meetingFrequency",
                "decisionProcess", "activatedOn", "renewalDueOn", "terminatedOn", "terminationReason", "createdAt");

        public String name() {
            return "agreements";
        }

        public int order() {
            return 30;
        }

        public List<String> columns() {
            return COLUMNS;
        }

        public List<Map<String, Object>> rows(UUID partnershipId) {
            return agreements(partnershipId).stream().map(a -> Rows.of(COLUMNS, a.id, a.title, a.status, a.currentVersion,
                    a.meetingFrequency, a.decisionProcess, a.activatedOn, a.renewalDueOn, a.terminatedOn, a.terminationReason,
                    a.createdAt)).toList();
        }
    }

    /** Every version of every agreement, with its full text. */
    @ApplicationScoped
    static class AgreementVersionSection implements ArchiveSection {
        static final List<String> COLUMNS = List.of("agreementId", "number", "text", "reason", "createdAt", "createdBy");

        public String name() {
            return "agreement-versions";
        }

        public int order() {
            return 31;
        }

        public List<String> columns() {
            return COLUMNS;
        }

        public List<Map<String, Object>> rows(UUID partnershipId) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Agreement a : agreements(partnershipId)) {
                for (AgreementVersion v : AgreementVersion.<AgreementVersion>list("agreementId = ?1 order by number", a.id)) {
                    rows.add(Rows.of(COLUMNS, a.id, v.number, v.text, v.reason, v.createdAt, v.createdBy));
                }
            }
            return rows;
        }
    }

    @ApplicationScoped
    static class AgreementSignatureSection implements ArchiveSection {
        static final List<String> COLUMNS = List.of("agreementId", "versionNumber", "organisationId", "signerPersonId",
                "signerName", "signerTitle", "signedAt", "recordedBy");

        public String name() {
            return "agreement-signatures";
        }

        public int order() {
            return 32;
        }

        public List<String> columns() {
            return COLUMNS;
        }

        public List<Map<String, Object>> rows(UUID partnershipId) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Agreement a : agreements(partnershipId)) {
                for (AgreementSignature s : AgreementSignature.<AgreementSignature>list(
                        "agreementId = ?1 order by versionNumber, signedAt, id", a.id)) {
                    rows.add(Rows.of(COLUMNS, a.id, s.versionNumber, s.organisationId, s.signerPersonId, s.signerName,
                            s.signerTitle, s.signedAt, s.recordedBy));
                }
            }
            return rows;
        }
    }

    /** Rounds with their released reports: one row per release, the group figures as members read them. */
    @ApplicationScoped
    static class ReleasedReportSection implements ArchiveSection {
        static final List<String> COLUMNS = List.of("roundId", "title", "instrumentKey", "instrumentVersion", "openedAt",
                "closedAt", "releaseNumber", "cutAt", "trigger", "respondents", "figures");

        @Inject
        ObjectMapper json;

        public String name() {
            return "released-reports";
        }

        public int order() {
            return 40;
        }

        public List<String> columns() {
            return COLUMNS;
        }

        public List<Map<String, Object>> rows(UUID partnershipId) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ReleasedReport r : ReleasedReport.of(partnershipId)) {
                Object figures;
                try {
                    figures = r.figures == null ? null : json.readTree(r.figures);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("released report " + r.roundId + "/" + r.releaseNumber + " unreadable", e);
                }
                rows.add(Rows.of(COLUMNS, r.roundId, r.title, r.instrumentKey, r.instrumentVersion, r.openedAt, r.closedAt,
                        r.releaseNumber, r.cutAt, r.trigger, r.respondents, figures));
            }
            return rows;
        }
    }

    /** The partnership's audit trail: its coordinators and platform administrators read it, and only they export. */
    @ApplicationScoped
    static class AuditSection implements ArchiveSection {
        static final List<String> COLUMNS = List.of("id", "at", "entityType", "entityId", "action", "actorName", "summary");

        public String name() {
            return "audit";
        }

        public int order() {
            return 90;
        }

        public List<String> columns() {
            return COLUMNS;
        }

        public List<Map<String, Object>> rows(UUID partnershipId) {
            return AuditEntry.<AuditEntry>list("partnershipId = ?1 order by at, id", partnershipId).stream()
                    .map(e -> Rows.of(COLUMNS, e.id, e.at, e.entityType, e.entityId, e.action, e.actorName, e.summary)).toList();
        }
    }

    private static List<Agreement> agreements(UUID partnershipId) {
        return Agreement.<Agreement>list("partnershipId = ?1 order by createdAt, id", partnershipId);
    }

    static Comparator<ArchiveSection> byOrder() {
        return Comparator.comparingInt(ArchiveSection::order).thenComparing(ArchiveSection::name);
    }
}
