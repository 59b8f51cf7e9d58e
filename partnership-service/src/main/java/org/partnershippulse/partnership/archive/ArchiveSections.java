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
import org.partnershippulse.partnership.improvement.CheckIn;
import org.partnershippulse.partnership.improvement.CheckInGoal;
import org.partnershippulse.partnership.improvement.Commitment;
import org.partnershippulse.partnership.improvement.CommonMeasure;
import org.partnershippulse.partnership.improvement.Goal;
import org.partnershippulse.partnership.improvement.ImprovementPlan;
import org.partnershippulse.partnership.improvement.MeasureValue;
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

    /** A section of the improvement context: its name, place and columns; the rows come from the subclass. */
    abstract static class ImprovementSection implements ArchiveSection {
        private final String name;
        private final int order;
        private final List<String> columns;

        ImprovementSection(String name, int order, String... columns) {
            this.name = name;
            this.order = order;
            this.columns = List.of(columns);
        }

        public String name() {
            return name;
        }

        public int order() {
            return order;
        }

        public List<String> columns() {
            return columns;
        }
    }

    @ApplicationScoped
    static class PlanSection extends ImprovementSection {
        PlanSection() {
            super("plans", 50, "id", "title", "roundId", "cadence", "startsOn", "status");
        }

        public List<Map<String, Object>> rows(UUID partnershipId) {
            return ImprovementPlan.<ImprovementPlan>list("partnershipId = ?1 order by startsOn, id", partnershipId).stream()
                    .map(p -> Rows.of(columns(), p.id, p.title, p.roundId, p.cadence, p.startsOn, p.status)).toList();
        }
    }

    /** Goals with their findings ({@code roundId/KIND/key}, separated by "; ") and the adopted Thing to try. */
    @ApplicationScoped
    static class GoalSection extends ImprovementSection {
        GoalSection() {
            super("goals", 51, "id", "planId", "what", "measure", "measureId", "target", "unit", "ownerOrganisationId",
                    "ownerPersonId", "dueOn", "status", "findings", "thingKey", "thingSource", "thingLanguage", "thingText");
        }

        public List<Map<String, Object>> rows(UUID partnershipId) {
            return Goal.<Goal>list("partnershipId = ?1 order by dueOn, id", partnershipId).stream()
                    .map(g -> Rows.of(columns(), g.id, g.planId, g.what, g.measure, g.measureId, g.target, g.unit,
                            g.ownerOrganisationId, g.ownerPersonId, g.dueOn, g.status,
                            String.join("; ", g.findings.stream().map(f -> f.roundId() + "/" + f.kind() + "/" + f.key()).toList()),
                            g.thingKey, g.thingSource, g.thingLanguage, g.thingText)).toList();
        }
    }

    @ApplicationScoped
    static class CommitmentSection extends ImprovementSection {
        CommitmentSection() {
            super("commitments", 52, "id", "goalId", "organisationId", "contribution", "dueOn", "status", "signerPersonId",
                    "signerName", "signerTitle", "signedAt");
        }

        public List<Map<String, Object>> rows(UUID partnershipId) {
            return Commitment.<Commitment>list("partnershipId = ?1 order by goalId, id", partnershipId).stream()
                    .map(c -> Rows.of(columns(), c.id, c.goalId, c.organisationId, c.contribution, c.dueOn, c.status,
                            c.signerPersonId, c.signerName, c.signerTitle, c.signedAt)).toList();
        }
    }

    /** One row per goal of each check-in. */
    @ApplicationScoped
    static class CheckInSection extends ImprovementSection {
        CheckInSection() {
            super("check-ins", 53, "checkInId", "planId", "dueOn", "recordedAt", "recordedBy", "organisationId", "goalId",
                    "status", "note", "value");
        }

        public List<Map<String, Object>> rows(UUID partnershipId) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CheckIn c : CheckIn.<CheckIn>list("partnershipId = ?1 order by dueOn, recordedAt, id", partnershipId)) {
                for (CheckInGoal g : CheckInGoal.<CheckInGoal>list("checkInId = ?1 order by id", c.id)) {
                    rows.add(Rows.of(columns(), c.id, c.planId, c.dueOn, c.recordedAt, c.recordedBy, c.organisationId,
                            g.goalId, g.status, g.note, g.value));
                }
            }
            return rows;
        }
    }

    @ApplicationScoped
    static class MeasureSection extends ImprovementSection {
        MeasureSection() {
            super("measures", 54, "id", "name", "description", "kind", "unit", "baseline", "target", "direction");
        }

        public List<Map<String, Object>> rows(UUID partnershipId) {
            return CommonMeasure.<CommonMeasure>list("partnershipId = ?1 order by name, id", partnershipId).stream()
                    .map(m -> Rows.of(columns(), m.id, m.name, m.description, m.kind, m.unit, m.baseline, m.target,
                            m.direction)).toList();
        }
    }

    @ApplicationScoped
    static class MeasureValueSection extends ImprovementSection {
        MeasureValueSection() {
            super("measure-values", 55, "id", "measureId", "value", "observedOn", "recordedAt", "recordedBy", "goalId",
                    "checkInId");
        }

        public List<Map<String, Object>> rows(UUID partnershipId) {
            return MeasureValue.<MeasureValue>list("partnershipId = ?1 order by observedOn, id", partnershipId).stream()
                    .map(v -> Rows.of(columns(), v.id, v.measureId, v.value, v.observedOn, v.recordedAt, v.recordedBy,
                            v.goalId, v.checkInId)).toList();
        }
    }
}
