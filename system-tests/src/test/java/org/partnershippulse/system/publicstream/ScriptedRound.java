package org.partnershippulse.system.publicstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.partnershippulse.systemkit.Coalition;
import org.partnershippulse.systemkit.Keycloak;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseService;

/**
 * One round played through the services' APIs, as a partnership that shares its results publicly would: three member
 * organisations (two with three respondents each, one with a single respondent in a sector no one else has), seven
 * people with names, e-mails and logins (one coordinator), a round with a minimum group size of 3 that everyone
 * answers (with reflections that name the author), closed by the coordinator, and its release cut at the close.
 * New users and records per run, so an earlier run can neither help nor hide anything.
 */
final class ScriptedRound {

    static final String ADMIN = "admin";
    static final int MINIMUM_GROUP_SIZE = 3;
    private static final PulseService P = PulseService.PARTNERSHIP;
    private static final PulseService A = PulseService.ASSESSMENT;
    private static final Duration EVENTS = Duration.ofSeconds(120);
    static final String REFLECTION_TEXT = "I see partners share what they know";
    private static final List<String> FIRST_NAMES = List.of("Rosalind", "Teodoro", "Marisol", "Yusuf", "Ingrid", "Kwame", "Beatriz");

    record Organisation(String id, String name, String sector, String membershipId) {}

    record Person(String username, String name, String email, String subject, String personId, String organisationId,
                  String role, String roleGrantId, String reflectionMarker) {}

    final String tag = "p" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    final PulseApi api;
    final List<Organisation> organisations = new ArrayList<>();
    final List<Person> people = new ArrayList<>();
    final Map<String, Long> millis = new LinkedHashMap<>();
    String partnershipId;
    String partnershipName;
    String roundId;
    JsonNode report;

    private ScriptedRound(PulseApi api) {
        this.api = api;
    }

    /** The organisation with a single respondent, in a sector of its own. */
    Organisation lone() {
        return organisations.get(2);
    }

    String coordinator() {
        return people.get(0).username();
    }

    static ScriptedRound play(PulseApi api) {
        ScriptedRound r = new ScriptedRound(api);
        long t0 = System.nanoTime();
        r.setUp();
        r.millis.put("set-up", ms(t0));
        long t1 = System.nanoTime();
        r.openRound();
        r.millis.put("open", ms(t1));
        long t2 = System.nanoTime();
        r.respond();
        r.millis.put("respond", ms(t2));
        long t3 = System.nanoTime();
        r.closeAndAwaitRelease();
        r.millis.put("close+release", ms(t3));
        return r;
    }

    private void setUp() {
        // sectors: 3 people, 3 people, and one person alone in theirs
        String[][] orgs = {{"CHILD_WELFARE", "child welfare"}, {"EDUCATION", "education"}, {"LIVED_EXPERIENCE", "lived experience"}};
        List<String> orgIds = new ArrayList<>();
        for (String[] o : orgs) {
            orgIds.add(api.ok("POST", P, ADMIN, "/organisations", Map.of("name", "Public " + tag + " " + o[1] + " agency",
                    "type", "Nonprofit", "sector", o[0])).path("id").asText());
        }
        partnershipName = "Public " + tag + " partnership";
        Map<String, Object> partnership = new LinkedHashMap<>(Map.of("name", partnershipName, "geographyType", "COUNTY",
                "geographyName", "Ventura County", "status", "ACTIVE", "structure", "STEERING_COMMITTEE",
                "leadOrganisationId", orgIds.get(0)));
        partnership.put("sharesResultsPublicly", true);
        partnershipId = api.ok("POST", P, ADMIN, "/partnerships", partnership).path("id").asText();
        for (int i = 0; i < orgs.length; i++) {
            String membership = api.ok("POST", P, ADMIN, "/partnerships/" + partnershipId + "/memberships",
                    Map.of("organisationId", orgIds.get(i), "role", "MEMBER")).path("id").asText();
            organisations.add(new Organisation(orgIds.get(i), "Public " + tag + " " + orgs[i][1] + " agency", orgs[i][0], membership));
        }

        List<Keycloak.User> users = new ArrayList<>();
        for (int i = 0; i < FIRST_NAMES.size(); i++) {
            String username = tag + "-person" + i;
            users.add(new Keycloak.User(UUID.nameUUIDFromBytes(("pulse-user/" + username).getBytes(StandardCharsets.UTF_8)),
                    username, FIRST_NAMES.get(i), "Quillfeather" + tag));
        }
        api.keycloak().ensureUsers(users);
        int[] organisationOf = {0, 0, 0, 1, 1, 1, 2};
        for (int i = 0; i < users.size(); i++) {
            Keycloak.User u = users.get(i);
            String organisationId = orgIds.get(organisationOf[i]);
            String name = u.firstName() + " " + u.lastName();
            String personId = api.ok("POST", P, ADMIN, "/people", Map.of("name", name, "email", u.email(),
                    "organisationId", organisationId, "partnershipId", partnershipId)).path("id").asText();
            String role = i == 0 ? "COORDINATOR" : "MEMBER";
            String grant = api.ok("POST", P, ADMIN, "/partnerships/" + partnershipId + "/roles",
                    Map.of("personId", personId, "role", role)).path("id").asText();
            JsonNode me = api.get(P, u.username(), "/me"); // signing in with the verified e-mail links the person
            if (!personId.equals(me.path("person").path("id").asText())) {
                throw new IllegalStateException(u.username() + " was not linked to their person on sign-in: " + me);
            }
            people.add(new Person(u.username(), name, u.email(), api.keycloak().subject(u.username()), personId, organisationId,
                    role, grant, "reflection-" + tag + "-" + i));
        }
    }

    private void openRound() {
        String rounds = "/partnerships/" + partnershipId + "/rounds";
        int version = Coalition.latestPai(api, coordinator()).path("version").asInt();
        long deadline = System.nanoTime() + EVENTS.toNanos();
        while (true) {
            // a round invites the people assessment-service knows when it opens: until it knows all seven, try again
            PulseApi.Reply created = api.call("POST", A, coordinator(), rounds, Map.of("instrumentKey", Coalition.PAI,
                    "instrumentVersion", version, "title", "Public round " + tag, "minimumGroupSize", MINIMUM_GROUP_SIZE,
                    "closesAt", Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS).toString()), null);
            if (created.ok()) {
                String id = created.body().path("id").asText();
                PulseApi.Reply opened = lifecycle(id, "open");
                if (opened.ok() && opened.body().path("invitedCount").asInt() == people.size()) {
                    roundId = id;
                    return;
                }
                lifecycle(id, "close");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("assessment-service does not know the " + people.size() + " people of "
                        + partnershipId + " (last answer " + created.status() + ": " + created.rawBody() + ")");
            }
            sleep(500);
        }
    }

    private void respond() {
        int version = Coalition.latestPai(api, coordinator()).path("version").asInt();
        Coalition.PaiForm form = Coalition.PaiForm.of(api.get(A, coordinator(), "/instruments/" + Coalition.PAI + "/versions/" + version));
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            Map<String, Object> answers = new LinkedHashMap<>();
            form.optionsByItem().forEach((key, values) ->
                    answers.put(key, Map.of("value", values.get(new Random(31L * key.hashCode() + person.username().hashCode()).nextInt(values.size())))));
            // reflections a reader would recognise: the author's name and a marker unique to them
            form.freeTextItems().forEach(key -> answers.put(key, Map.of("value",
                    "As " + person.name() + " (" + person.reflectionMarker() + ") " + REFLECTION_TEXT + ".")));
            String path = "/rounds/" + roundId + "/response";
            PulseApi.ok(api.call("PUT", A, person.username(), path, Map.of("language", "en", "answers", answers), null), "save " + person.username());
            PulseApi.ok(api.call("POST", A, person.username(), path + "/submit", null, null), "submit " + person.username());
        }
    }

    private void closeAndAwaitRelease() {
        PulseApi.ok(lifecycle(roundId, "close"), "close round " + roundId);
        long deadline = System.nanoTime() + EVENTS.toNanos();
        while (true) {
            PulseApi.Reply r = api.call("GET", PulseService.REPORTING, coordinator(), "/rounds/" + roundId + "/report", null, null);
            if (r.ok() && r.body().path("release").isObject() && "CLOSED".equals(r.body().path("status").asText())
                    && r.body().path("participation").path("responded").asInt() == people.size()) {
                report = r.body();
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reporting-service did not release round " + roundId + " at its close: "
                        + r.status() + " " + r.rawBody());
            }
            sleep(500);
        }
    }

    private PulseApi.Reply lifecycle(String id, String action) {
        String path = "/partnerships/" + partnershipId + "/rounds/" + id;
        PulseApi.Reply current = api.call("GET", A, coordinator(), path, null, null);
        return api.call("POST", A, coordinator(), path + "/" + action, null, current.etag());
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
