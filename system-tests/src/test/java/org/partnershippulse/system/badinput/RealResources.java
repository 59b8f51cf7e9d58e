package org.partnershippulse.system.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.partnershippulse.system.badinput.ApiDocument.Operation;
import org.partnershippulse.system.badinput.BadRequests.ValidRequest;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.Keycloak;
import org.partnershippulse.systemkit.PulseService;

/**
 * Real resources for the bad requests to point at, created through the API (so that validation, not a 404 for an
 * unknown id, decides the answer), and the valid request of every operation built on them. The creating requests
 * use the same {@link ValidValues} as the bad requests' starting points, which shows those are accepted.
 */
final class RealResources {

    static final String ADMIN = "admin";
    /** A realm user created for this suite (password = username), member of the suite's partnership only. */
    static final Keycloak.User RESPONDENT = new Keycloak.User(UUID.fromString("badd1a70-0000-4000-8000-000000000001"),
            "bad-input-respondent", "Rae", "Spondent");
    static final String INSTRUMENT = "bcr-partnership-assessment-inventory";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Api api;
    private final Map<PulseService, ApiDocument> documents;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, JsonNode> known = new HashMap<>();

    String partnership;
    String memberOrganisation;
    String spareOrganisation;
    String person;
    String role;
    String membership;
    String agreement;
    String plan;
    String goal;
    String commitment;
    String measure;
    int instrumentVersion;
    JsonNode instrumentDefinition;
    String draftInstrument;
    String draftRound;
    String openRound;

    RealResources(Api api, Map<PulseService, ApiDocument> documents) {
        this.api = api;
        this.documents = documents;
    }

    void create() {
        RunningSystem.keycloak().ensureUsers(List.of(RESPONDENT));
        PulseService p = PulseService.PARTNERSHIP;
        memberOrganisation = id(api.call(p, ADMIN, "POST", "/organisations", Map.of(), valid(p, "POST /organisations", "member")));
        spareOrganisation = id(api.call(p, ADMIN, "POST", "/organisations", Map.of(), valid(p, "POST /organisations", "spare")));
        known.put("leadOrganisationId", NODES.textNode(memberOrganisation));
        known.put("organisationId", NODES.textNode(memberOrganisation));
        partnership = id(api.call(p, ADMIN, "POST", "/partnerships", Map.of(), valid(p, "POST /partnerships", "partnership")));
        person = respondentPerson();
        known.put("personId", NODES.textNode(person));
        ObjectNode memberRole = NODES.objectNode().put("personId", person).put("role", "MEMBER");
        role = id(api.call(p, ADMIN, "POST", "/partnerships/" + partnership + "/roles", Map.of(), memberRole));
        membership = id(api.call(p, ADMIN, "POST", "/partnerships/" + partnership + "/memberships", Map.of(),
                valid(p, "POST /partnerships/{partnershipId}/memberships", "membership")));
        agreement = id(api.call(p, ADMIN, "POST", "/partnerships/" + partnership + "/agreements", Map.of(),
                valid(p, "POST /partnerships/{partnershipId}/agreements", "agreement")));

        improvement(p);

        PulseService a = PulseService.ASSESSMENT;
        // partnership events reach assessment-service through Kafka: wait until it knows the respondent's role
        await("assessment-service to know the respondent in the partnership",
                () -> api.status(a, RESPONDENT.username(), "/partnerships/" + partnership + "/rounds") == 200);
        JsonNode versions = api.call(a, ADMIN, "GET", "/instruments?key=" + INSTRUMENT + "&status=PUBLISHED", Map.of(), null).json();
        for (JsonNode v : versions.path("items")) {
            instrumentVersion = Math.max(instrumentVersion, v.path("version").asInt());
        }
        instrumentDefinition = api.call(a, ADMIN, "GET", "/instruments/" + INSTRUMENT + "/versions/" + instrumentVersion
                + "/definition", Map.of(), null).json().path("definition");
        known.put("instrumentKey", NODES.textNode(INSTRUMENT));
        known.put("instrumentVersion", NODES.numberNode(instrumentVersion));
        known.put("answers", answers());
        draftInstrument = "bad-input-" + run;
        api.call(a, ADMIN, "POST", "/instruments", Map.of(), definition(draftInstrument));
        String rounds = "/partnerships/" + partnership + "/rounds";
        draftRound = id(api.call(a, ADMIN, "POST", rounds, Map.of(), valid(a, "POST " + "/partnerships/{partnershipId}/rounds", "draft")));
        openRound = id(api.call(a, ADMIN, "POST", rounds, Map.of(), valid(a, "POST " + "/partnerships/{partnershipId}/rounds", "open")));
        String etag = api.call(a, ADMIN, "GET", rounds + "/" + openRound, Map.of(), null).etag();
        api.call(a, ADMIN, "POST", rounds + "/" + openRound + "/open", Map.of("If-Match", etag), null);

        // the opened round reaches reporting-service through Kafka
        await("reporting-service to know the open round",
                () -> api.status(PulseService.REPORTING, ADMIN, "/rounds/" + openRound + "/report") == 200);
    }

    /** A plan with a goal the member organisation owns and commits to, and a common measure, for the improvement paths. */
    private void improvement(PulseService p) {
        String base = "/partnerships/" + partnership;
        measure = id(api.call(p, ADMIN, "POST", base + "/measures", Map.of(), NODES.objectNode().put("name", "Bad input measure " + run)
                .put("kind", "PROCESS").put("unit", "%").put("baseline", 40).put("target", 90).put("direction", "HIGHER_IS_BETTER")));
        known.put("measureId", NODES.textNode(measure));
        plan = id(api.call(p, ADMIN, "POST", base + "/plans", Map.of(), NODES.objectNode().put("title", "Bad input plan " + run)));
        ObjectNode goalBody = NODES.objectNode().put("what", "Share data monthly").put("measure", "Members sharing data")
                .put("target", 90).put("ownerOrganisationId", memberOrganisation).put("ownerPersonId", person)
                .put("dueOn", java.time.LocalDate.now().plusMonths(6).toString());
        goalBody.putArray("findings").addObject().put("roundId", UUID.randomUUID().toString()).put("kind", "ITEM").put("key", "trust-3");
        goal = id(api.call(p, ADMIN, "POST", base + "/plans/" + plan + "/goals", Map.of(), goalBody));
        known.put("goalId", NODES.textNode(goal));
        known.put("ownerOrganisationId", NODES.textNode(memberOrganisation));
        known.put("ownerPersonId", NODES.textNode(person));
        commitment = id(api.call(p, ADMIN, "POST", base + "/plans/" + plan + "/goals/" + goal + "/commitments", Map.of(),
                NODES.objectNode().put("organisationId", memberOrganisation).put("contribution", "Data by the 5th")
                        .put("dueOn", java.time.LocalDate.now().plusMonths(1).toString())));
    }

    /**
     * The valid request of an operation: real ids in the path, required query parameters, the current ETag where
     * If-Match is taken, a valid body, and the user who may call it.
     */
    ValidRequest validRequest(PulseService service, Operation operation) {
        String path = operation.path();
        // the caller's own things: their response, and their notification settings (the admin has no person entry)
        boolean ownResponse = path.startsWith("/rounds/{roundId}/response") || path.equals("/rounds/{roundId}/me")
                || path.equals("/me/notification-settings");
        String user = ownResponse ? RESPONDENT.username() : ADMIN;
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (ApiDocument.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                pathValues.put(parameter.name(), pathValue(service, path, parameter.name()));
            } else if (parameter.in().equals("query") && parameter.required()) {
                query.put(parameter.name(), switch (parameter.name()) {
                    case "from" -> draftRound;
                    case "to" -> openRound;
                    case "instrumentKey" -> INSTRUMENT;
                    default -> throw new IllegalStateException("no valid value for the query parameter " + parameter.name());
                });
            }
        }
        // the current ETag wherever If-Match is taken, so that a stale or missing version hides nothing; none where
        // the resource does not exist yet (the caller's response to a round, before its first save)
        Map<String, String> headers = new LinkedHashMap<>();
        boolean takesIfMatch = operation.parameters().stream()
                .anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase("If-Match"));
        if (takesIfMatch) {
            etag(service, user, operation, pathValues).ifPresent(etag -> headers.put("If-Match", etag));
        }
        JsonNode body = operation.bodySchema() == null ? null : validBody(operation);
        return new ValidRequest(user, pathValues, query, headers, body);
    }

    private JsonNode validBody(Operation operation) {
        String key = operation.toString();
        return switch (key) {
            case "POST /instruments" -> definition("bad-input-" + run + "-new");
            case "PUT /instruments/{key}/versions/{version}" -> definition(draftInstrument);
            default -> {
                ValidValues values = new ValidValues(knownFor(key), run + "-bad");
                yield values.of(operation.bodySchema());
            }
        };
    }

    /** The known values, adjusted where the operation needs another one to be valid. */
    private Map<String, JsonNode> knownFor(String operation) {
        Map<String, JsonNode> values = new HashMap<>(known);
        if (operation.equals("POST /partnerships/{partnershipId}/memberships")) {
            // the member organisation is a member already (409): a new membership is for the spare one
            values.put("organisationId", NODES.textNode(spareOrganisation));
        }
        if (operation.equals("POST /rounds/{roundId}/response/submission")) {
            // saving and submitting in one request needs every required item: one fault is then the only one
            values.put("answers", completeAnswers());
        }
        if (operation.endsWith("/signatures") || operation.endsWith("/signature")) {
            // the administrator records the signature of a member's representative: their name is required
            values.put("signerName", NODES.textNode("Rae Spondent"));
        }
        return values;
    }

    private String pathValue(PulseService service, String path, String name) {
        return switch (name) {
            case "partnershipId" -> partnership;
            case "agreementId" -> agreement;
            case "membershipId" -> membership;
            case "roleId" -> role;
            case "planId" -> plan;
            case "goalId" -> goal;
            case "commitmentId" -> commitment;
            case "measureId" -> measure;
            // a draft round to edit and open, an open one to close and to respond to
            case "roundId" -> path.startsWith("/partnerships/") && !path.endsWith("/close") ? draftRound : openRound;
            // the suite's own draft instrument: editing and publishing need a draft
            case "key" -> draftInstrument;
            case "version" -> "1";
            case "id" -> {
                if (path.startsWith("/partnerships/")) {
                    yield partnership;
                } else if (path.startsWith("/organisations/")) {
                    yield memberOrganisation;
                } else if (path.startsWith("/people/")) {
                    yield person;
                }
                yield UUID.randomUUID().toString();
            }
            default -> throw new IllegalStateException("no real value for the path parameter " + name + " of " + path
                    + " (" + service + ")");
        };
    }

    private Optional<String> etag(PulseService service, String user, Operation operation, Map<String, String> pathValues) {
        String path = operation.path();
        for (Map.Entry<String, String> v : pathValues.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        String resource = operation.method().equals("PUT") ? path : path.substring(0, path.lastIndexOf('/'));
        try {
            Api.Answer answer = api.send(service, user, "GET", resource, Map.of(), Map.of(), null, null);
            return answer.status() == 200 ? Optional.ofNullable(answer.etag()) : Optional.empty();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GET " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * The person of the respondent: the one a previous run linked to their login, else added by e-mail and linked by
     * the respondent's sign-in with that (verified) e-mail.
     */
    private String respondentPerson() {
        JsonNode me = api.call(PulseService.PARTNERSHIP, RESPONDENT.username(), "GET", "/me", Map.of(), null).json();
        if (!me.path("person").hasNonNull("id")) {
            ObjectNode person = NODES.objectNode().put("name", RESPONDENT.firstName() + " " + RESPONDENT.lastName())
                    .put("email", RESPONDENT.email());
            api.call(PulseService.PARTNERSHIP, ADMIN, "POST", "/people", Map.of(), person);
            me = api.call(PulseService.PARTNERSHIP, RESPONDENT.username(), "GET", "/me", Map.of(), null).json();
        }
        return me.path("person").path("id").asText();
    }

    private JsonNode valid(PulseService service, String operation, String purpose) {
        Operation op = documents.get(service).operations().stream().filter(o -> o.toString().equals(operation)).findFirst()
                .orElseThrow(() -> new IllegalStateException(operation + " is not in the OpenAPI document of " + service));
        return new ValidValues(known, run + "-" + purpose).of(op.bodySchema());
    }

    private JsonNode definition(String key) {
        return ((ObjectNode) instrumentDefinition.deepCopy()).put("key", key);
    }

    /** One answer to the first item of the published instrument, with the first value of its scale. */
    private JsonNode answers() {
        JsonNode item = instrumentDefinition.path("sections").get(0).path("items").get(0);
        String scale = item.path("scale").asText();
        String value = null;
        for (JsonNode s : instrumentDefinition.path("scales")) {
            if (s.path("key").asText().equals(scale)) {
                value = s.path("options").get(0).path("value").asText();
            }
        }
        if (value == null) {
            throw new IllegalStateException("no scale " + scale + " in " + INSTRUMENT);
        }
        return NODES.objectNode().set(item.path("key").asText(), NODES.objectNode().put("value", value));
    }

    /** An answer to every item of the published instrument whose scale has options (its first value). */
    private JsonNode completeAnswers() {
        ObjectNode answers = NODES.objectNode();
        for (JsonNode section : instrumentDefinition.path("sections")) {
            for (JsonNode item : section.path("items")) {
                for (JsonNode s : instrumentDefinition.path("scales")) {
                    if (s.path("key").asText().equals(item.path("scale").asText()) && s.path("options").size() > 0) {
                        answers.set(item.path("key").asText(), NODES.objectNode().put("value", s.path("options").get(0).path("value").asText()));
                    }
                }
            }
        }
        return answers;
    }

    private static String id(Api.Answer answer) {
        String id = answer.json().path("id").asText(null);
        if (id == null) {
            throw new IllegalStateException("no id in " + answer.body());
        }
        return id;
    }

    private static void await(String what, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited 60 s for " + what);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
