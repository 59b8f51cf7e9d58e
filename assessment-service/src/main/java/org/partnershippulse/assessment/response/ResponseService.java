package org.partnershippulse.assessment.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnershippulse.kit.security.CurrentUser;
import org.partnershippulse.kit.security.RespondentIds;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.partnershippulse.assessment.instrument.Catalogue;
import org.partnershippulse.assessment.instrument.InstrumentDefinition;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.ScaleType;
import org.partnershippulse.assessment.partnership.PartnershipAccess;
import org.partnershippulse.assessment.response.ResponseApi.ResponseView;
import org.partnershippulse.assessment.response.ResponseApi.RevisionRef;
import org.partnershippulse.assessment.response.ResponseApi.SaveRequest;
import org.partnershippulse.assessment.round.Round;
import org.partnershippulse.assessment.round.RoundInvitation;
import org.partnershippulse.assessment.round.RoundLifecycle;
import org.partnershippulse.assessment.round.RoundService;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.events.assessment.ResponseSubmittedData;
import org.partnershippulse.kit.events.Outbox;
import org.partnershippulse.kit.problem.Problem.Violation;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.web.Versions;
import org.partnershippulse.projection.MembershipView;
import org.partnershippulse.projection.PersonRoleView;

/**
 * A person's own response to a round. Only its author ever reads it here; what leaves the service is the
 * response-submitted event, with an opaque respondent id, written to the outbox in the submission's transaction.
 */
@ApplicationScoped
public class ResponseService {

    private static final TypeReference<LinkedHashMap<String, Answer>> ANSWERS = new TypeReference<>() {
    };

    private static final TypeReference<List<PartnerRating>> RATINGS = new TypeReference<>() {
    };

    @Inject
    RoundService rounds;

    @Inject
    PartnershipAccess access;

    @Inject
    Catalogue catalogue;

    @Inject
    Outbox outbox;

    @Inject
    Event<SubmissionMetrics.Accepted> accepted;

    @Inject
    ObjectMapper mapper;

    @Inject
    CurrentUser currentUser;

    /** Shared with reporting-service, which recognises a caller's own response by it (personal view). */
    @ConfigProperty(name = "pulse.respondent-key")
    String respondentKey;

    public record Saved(ResponseView response, boolean created) {
    }

    /**
     * Without If-Match, creates the caller's response (a second one is a 409, also when two requests race: the
     * unique key decides); with If-Match, changes it.
     */
    @Transactional
    public Saved save(UUID roundId, SaveRequest request, String ifMatch) {
        Round round = rounds.forRespondent(roundId);
        RoundInvitation invitation = invitation(round);
        UUID personId = invitation.personId;
        RoundLifecycle.requireAcceptingResponses(round.status);
        InstrumentDefinition instrument = instrument(round);
        Map<String, Answer> answers = AnswerRules.normalise(request.answers());
        List<Violation> violations = new ArrayList<>(AnswerRules.check(instrument, answers));
        List<PartnerRating> ratings = RelationshipRules.normalise(request.ratings());
        if (instrument.isRelationship()) {
            if (!answers.isEmpty()) {
                violations.add(new Violation("answers", "a relationship round is answered per organisation: send ratings"));
            }
            violations.addAll(RelationshipRules.check(instrument, ratings, ownOrganisation(invitation), members(round)));
        } else if (!ratings.isEmpty()) {
            violations.add(new Violation("ratings", "only a relationship round takes ratings"));
        }
        if (request.language() != null && !instrument.languages().contains(request.language())) {
            violations.add(new Violation("language", "must be one of the instrument's languages " + instrument.languages()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        RoundResponse existing = RoundResponse.of(round.id, personId).orElse(null);
        boolean created = false;
        if (ifMatch == null) {
            if (existing != null) {
                throw ProblemException.duplicate("response", "you already have a response to this round; "
                        + "send its ETag in If-Match to change it");
            }
            existing = new RoundResponse();
            existing.id = UUID.randomUUID();
            existing.roundId = round.id;
            existing.personId = personId;
            existing.respondentId = RespondentIds.of(respondentKey, currentUser.subject(), round.id);
            existing.status = RoundResponse.Status.DRAFT;
            existing.createdAt = now();
            existing.language = request.language() == null ? "en" : request.language();
            created = true;
        } else {
            if (existing == null) {
                throw ProblemException.notFound("Response to round", roundId);
            }
            Versions.requireMatch(ifMatch, existing.version);
            if (request.language() != null) {
                existing.language = request.language();
            }
            existing.unsubmittedChanges = existing.status == RoundResponse.Status.SUBMITTED;
        }
        existing.answers = write(answers);
        existing.ratings = instrument.isRelationship() ? write(ratings) : null;
        existing.updatedAt = now();
        existing.persist();
        RoundResponse.getEntityManager().flush();
        return new Saved(view(existing, instrument), created);
    }

    /** Submits the saved answers: the first time, or again as a revision while the round is open. */
    @Transactional
    public ResponseView submit(UUID roundId, String ifMatch) {
        Round round = rounds.forRespondent(roundId);
        RoundInvitation invitation = invitation(round);
        RoundResponse response = RoundResponse.of(round.id, invitation.personId)
                .orElseThrow(() -> ProblemException.notFound("Response to round", roundId));
        RoundLifecycle.requireAcceptingResponses(round.status);
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, response.version);
        }
        InstrumentDefinition instrument = instrument(round);
        if (response.status == RoundResponse.Status.SUBMITTED && !response.unsubmittedChanges) {
            return view(response, instrument); // nothing new to submit: the last submission stands
        }
        Map<String, Answer> answers = read(response.answers);
        List<Violation> violations = new ArrayList<>(AnswerRules.check(instrument, answers));
        List<PartnerRating> ratings = readRatings(response.ratings);
        if (instrument.isRelationship()) {
            // organisations may have joined or left since the draft was saved: checked against the members now
            Map<UUID, String> members = members(round);
            violations.addAll(RelationshipRules.check(instrument, ratings, ownOrganisation(invitation), members));
            violations.addAll(RelationshipRules.missing(instrument, ratings, ownOrganisation(invitation), members));
        } else {
            violations.addAll(AnswerRules.missingRequired(instrument, answers));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return record(round, invitation, response, instrument, answers);
    }

    /**
     * Saves and submits a complete response in one request (the two-request flow stays for drafts): validated as
     * a save and a submission together, so an incomplete one is refused with nothing written. Sent again with the
     * answers of the last submission (a retry), it records nothing new and answers with that submission.
     */
    @Transactional
    public Saved submitAnswers(UUID roundId, SaveRequest request, String ifMatch) {
        Round round = rounds.forRespondent(roundId);
        RoundInvitation invitation = invitation(round);
        RoundLifecycle.requireAcceptingResponses(round.status);
        InstrumentDefinition instrument = instrument(round);
        Map<String, Answer> answers = AnswerRules.normalise(request.answers());
        List<Violation> violations = new ArrayList<>(AnswerRules.check(instrument, answers));
        if (request.language() != null && !instrument.languages().contains(request.language())) {
            violations.add(new Violation("language", "must be one of the instrument's languages " + instrument.languages()));
        }
        List<PartnerRating> ratings = RelationshipRules.normalise(request.ratings());
        if (instrument.isRelationship()) {
            if (!answers.isEmpty()) {
                violations.add(new Violation("answers", "a relationship round is answered per organisation: send ratings"));
            }
            Map<UUID, String> members = members(round);
            violations.addAll(RelationshipRules.check(instrument, ratings, ownOrganisation(invitation), members));
            violations.addAll(RelationshipRules.missing(instrument, ratings, ownOrganisation(invitation), members));
        } else {
            if (!ratings.isEmpty()) {
                violations.add(new Violation("ratings", "only a relationship round takes ratings"));
            }
            violations.addAll(AnswerRules.missingRequired(instrument, answers));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        String ratingsJson = instrument.isRelationship() ? write(ratings) : null;
        RoundResponse response = RoundResponse.of(round.id, invitation.personId).orElse(null);
        if (response == null) {
            if (ifMatch != null) {
                throw ProblemException.notFound("Response to round", roundId);
            }
            response = new RoundResponse();
            response.id = UUID.randomUUID();
            response.roundId = round.id;
            response.personId = invitation.personId;
            response.respondentId = RespondentIds.of(respondentKey, currentUser.subject(), round.id);
            response.createdAt = now();
            response.language = request.language() == null ? "en" : request.language();
            response.answers = write(answers);
            response.ratings = ratingsJson;
            return new Saved(record(round, invitation, response, instrument, answers), true);
        }
        String language = request.language() == null ? response.language : request.language();
        if (response.status == RoundResponse.Status.SUBMITTED && !response.unsubmittedChanges
                && language.equals(response.language) && answers.equals(read(response.answers))
                && readRatings(ratingsJson).equals(readRatings(response.ratings))) {
            return new Saved(view(response, instrument), false); // a retry: the last submission stands
        }
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, response.version);
        }
        response.language = language;
        response.answers = write(answers);
        response.ratings = ratingsJson;
        return new Saved(record(round, invitation, response, instrument, answers), false);
    }

    /**
     * Records a submission of the response's answers (valid and complete): the response's new state, its revision
     * and the response-submitted event in the outbox, all in the caller's transaction.
     */
    private ResponseView record(Round round, RoundInvitation invitation, RoundResponse response,
                                InstrumentDefinition instrument, Map<String, Answer> answers) {
        Instant at = now();
        boolean first = response.revision == 0;
        response.revision++;
        response.status = RoundResponse.Status.SUBMITTED;
        response.unsubmittedChanges = false;
        response.lastSubmittedAt = at;
        response.updatedAt = at;
        response.persist(); // an insert for a response created in this request, else a no-op (managed already)

        Respondent who = respondentAtTheTime(round, invitation);
        ResponseRevision revision = new ResponseRevision();
        revision.id = UUID.randomUUID();
        revision.responseId = response.id;
        revision.revision = response.revision;
        revision.language = response.language;
        revision.answers = response.answers;
        revision.ratings = response.ratings;
        revision.organisationId = who.organisationId();
        revision.organisationName = who.organisationName();
        revision.sector = who.sector();
        revision.roles = String.join(",", who.roles());
        revision.submittedAt = at;
        revision.persist();

        outbox.record(AssessmentEventType.RESPONSE_SUBMITTED, round.partnershipId.toString(),
                "rounds/" + round.id + "/responses/" + response.respondentId,
                submitted(round, response, who, instrument, answers,
                        instrument.isRelationship() ? readRatings(response.ratings) : null, at));
        RoundResponse.getEntityManager().flush();
        accepted.fire(new SubmissionMetrics.Accepted());
        // The first submission's revisions are this one: no need to read them back.
        List<ResponseRevision> revisions = first ? List.of(revision) : ResponseRevision.of(response.id);
        return view(response, instrument, revisions, answers);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResponseView own(UUID roundId) {
        Round round = rounds.forRespondent(roundId);
        UUID personId = access.callerPersonId(round.partnershipId)
                .orElseThrow(() -> ProblemException.notFound("Response to round", roundId));
        RoundResponse response = RoundResponse.of(round.id, personId)
                .orElseThrow(() -> ProblemException.notFound("Response to round", roundId));
        return view(response, instrument(round));
    }

    private record Respondent(UUID organisationId, String organisationName, String sector, List<String> roles) {
    }

    /** The caller's invitation to the round: they must be a person of its partnership in the round's audience. */
    private RoundInvitation invitation(Round round) {
        UUID personId = access.callerPersonId(round.partnershipId)
                .orElseThrow(() -> ProblemException.forbidden("Only people of the partnership respond to its rounds"));
        return RoundInvitation.of(round.id, personId)
                .orElseThrow(() -> ProblemException.forbidden("You are not in this round's audience"));
    }

    /** Organisation, sector and roles as the projection has them now; the invitation's where roles were revoked since. */
    private Respondent respondentAtTheTime(Round round, RoundInvitation invitation) {
        // The caller's active roles, read once per request by the access check: the respondent is the caller.
        List<PersonRoleView> roles = access.callerRoles(round.partnershipId).stream()
                .filter(r -> invitation.personId.equals(r.personId)).toList();
        if (roles.isEmpty()) {
            return new Respondent(invitation.organisationId, invitation.organisationName, invitation.sector, invitation.roleList());
        }
        PersonRoleView first = roles.stream().filter(r -> r.organisationId != null).findFirst().orElse(roles.get(0));
        String sector = roles.stream().map(r -> r.sector).filter(s -> s != null).findFirst().orElse(invitation.sector);
        return new Respondent(first.organisationId, first.organisationName, sector,
                List.copyOf(new TreeSet<>(roles.stream().map(r -> r.role).toList())));
    }

    private static ResponseSubmittedData submitted(Round round, RoundResponse response, Respondent who,
                                                   InstrumentDefinition instrument, Map<String, Answer> answers,
                                                   List<PartnerRating> ratings, Instant at) {
        List<ResponseSubmittedData.Answer> rated = new ArrayList<>();
        List<ResponseSubmittedData.Reflection> reflections = new ArrayList<>();
        for (InstrumentDefinition.Item item : instrument.items()) {
            Answer answer = answers.get(item.key());
            if (answer == null || !answer.isAnswered()) {
                continue;
            }
            boolean freeText = instrument.scale(item.scale()).map(s -> s.type() == ScaleType.FREE_TEXT).orElse(false);
            if (freeText) {
                reflections.add(new ResponseSubmittedData.Reflection(item.key(), answer.value()));
            } else {
                rated.add(new ResponseSubmittedData.Answer(item.key(), answer.value(), answer.note()));
            }
        }
        return new ResponseSubmittedData(round.id, round.partnershipId, round.instrumentKey, round.instrumentVersion,
                response.id, response.revision, response.respondentId, who.organisationId(), who.organisationName(),
                who.sector(), who.roles(), response.language, rated, reflections, at,
                ratings == null ? null : ratings.stream().map(r -> new ResponseSubmittedData.Rating(r.organisationId(),
                        r.isSkipped(), instrument.items().stream().filter(i -> r.answers().containsKey(i.key()))
                        .map(i -> new ResponseSubmittedData.Answer(i.key(), r.answers().get(i.key()).value(), null))
                        .toList())).toList());
    }

    /** The organisation a relationship round's respondent answers for: the one the round designated them for. */
    private static UUID ownOrganisation(RoundInvitation invitation) {
        if (invitation.organisationId == null) {
            throw ProblemException.forbidden("Only a person designated for a member organisation answers a relationship round");
        }
        return invitation.organisationId;
    }

    /** The partnership's member organisations now, id to name. */
    private static Map<UUID, String> members(Round round) {
        Map<UUID, String> out = new LinkedHashMap<>();
        MembershipView.<MembershipView>list("partnershipId = ?1 and leftOn is null order by organisationName", round.partnershipId)
                .forEach(m -> out.put(m.organisationId, m.organisationName));
        return out;
    }

    private ResponseView view(RoundResponse r, InstrumentDefinition instrument) {
        List<ResponseRevision> revisions = ResponseRevision.of(r.id);
        return view(r, instrument, revisions, revisions.isEmpty() ? null : read(revisions.get(revisions.size() - 1).answers));
    }

    /** @param submitted the answers of the last revision (null before the first) */
    private ResponseView view(RoundResponse r, InstrumentDefinition instrument, List<ResponseRevision> revisions,
                              Map<String, Answer> submitted) {
        Feedback.Results results = revisions.isEmpty() ? null : Feedback.of(instrument, submitted, r.language);
        // The working answers are the submitted ones unless changed since (no need to read them twice).
        Map<String, Answer> working = r.unsubmittedChanges || submitted == null ? read(r.answers) : submitted;
        return new ResponseView(r.id, r.roundId, r.status, r.language, working,
                r.ratings == null ? null : readRatings(r.ratings), r.revision, r.lastSubmittedAt,
                r.unsubmittedChanges, revisions.stream().map(v -> new RevisionRef(v.revision, v.submittedAt)).toList(),
                results, r.version);
    }

    private InstrumentDefinition instrument(Round round) {
        return catalogue.published(round.instrumentKey, round.instrumentVersion).orElseThrow().definition();
    }

    private Map<String, Answer> read(String json) {
        try {
            return mapper.readValue(json, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answers are unreadable", e);
        }
    }

    private List<PartnerRating> readRatings(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return mapper.readValue(json, RATINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored ratings are unreadable", e);
        }
    }

    private String write(Object answers) {
        try {
            return mapper.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
