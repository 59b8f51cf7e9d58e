package org.partnershippulse.systemkit;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A realistic partnership for load and fault drills, made through the public API as its people would: member
 * organisations in six sectors, {@code members} people (Keycloak users {@code <prefix>-NNN}, password = username,
 * the first one coordinating) and {@code rounds} open Partnership Assessment Inventory rounds. One person answers a
 * round once, so {@code members × rounds} distinct submissions are available ({@link #slot}).
 */
public final class Coalition {

    public static final String PAI = "bcr-partnership-assessment-inventory";
    static final List<String> SECTORS = List.of("CHILD_WELFARE", "EDUCATION", "HEALTH_CARE",
            "COMMUNITY_BASED_ORGANIZATION", "FAITH_BASED", "LIVED_EXPERIENCE");

    /** One submission to make: a person and a round. */
    public record Slot(String user, UUID roundId) {}

    private final PulseApi api;
    private final UUID partnershipId;
    private final List<String> members;
    private final List<UUID> roundIds;
    private final PaiForm form;
    private final List<String> memberSectors;

    private Coalition(PulseApi api, UUID partnershipId, List<String> members, List<UUID> roundIds, PaiForm form,
                      List<String> memberSectors) {
        this.api = api;
        this.partnershipId = partnershipId;
        this.members = members;
        this.roundIds = roundIds;
        this.form = form;
        this.memberSectors = memberSectors;
    }

    public static Coalition assemble(PulseApi api, String prefix, int members, int rounds) {
        return assemble(api, prefix, members, rounds, SECTORS, null);
    }

    /**
     * As above, with one member organisation per sector given (member i works for the one of sector i mod the
     * number of sectors) and rounds with the given minimum group size (null: the service's default).
     */
    public static Coalition assemble(PulseApi api, String prefix, int members, int rounds, List<String> sectors,
                                     Integer minimumGroupSize) {
        String tag = prefix + " " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Keycloak.User> users = new ArrayList<>();
        for (int i = 1; i <= members; i++) {
            String username = String.format("%s-%03d", prefix, i);
            users.add(new Keycloak.User(UUID.nameUUIDFromBytes(("pulse-user/" + username).getBytes(StandardCharsets.UTF_8)),
                    username, "Member", String.format("%s %03d", prefix, i)));
        }
        api.keycloak().ensureUsers(users);

        List<String> orgs = new ArrayList<>();
        for (String sector : sectors) {
            orgs.add(api.ok("POST", PulseService.PARTNERSHIP, "admin", "/organisations",
                    Map.of("name", tag + " " + sector.toLowerCase().replace('_', ' '), "type", "Organisation", "sector", sector))
                    .path("id").asText());
        }
        UUID partnership = UUID.fromString(api.ok("POST", PulseService.PARTNERSHIP, "admin", "/partnerships", Map.of(
                "name", tag + " coalition", "geographyType", "COUNTY", "geographyName", "Bench County",
                "status", "ACTIVE", "structure", "STEERING_COMMITTEE", "leadOrganisationId", orgs.get(0)))
                .path("id").asText());
        String base = "/partnerships/" + partnership;
        for (String org : orgs) {
            api.ok("POST", PulseService.PARTNERSHIP, "admin", base + "/memberships", Map.of("organisationId", org, "role", "MEMBER"));
        }
        List<String> usernames = new ArrayList<>();
        parallel(users.size(), i -> {
            Keycloak.User u = users.get(i);
            String personId = person(api, u, orgs.get(i % orgs.size()), partnership);
            api.ok("POST", PulseService.PARTNERSHIP, "admin", base + "/roles",
                    Map.of("personId", personId, "role", i == 0 ? "COORDINATOR" : "MEMBER"));
            api.call("GET", PulseService.PARTNERSHIP, u.username(), "/me", null, null); // signs in: links a person added by e-mail
            return null;
        });
        users.forEach(u -> usernames.add(u.username()));
        String coordinator = usernames.get(0);

        JsonNode pai = latestPai(api, coordinator);
        int version = pai.path("version").asInt();
        PaiForm form = PaiForm.of(api.get(PulseService.ASSESSMENT, coordinator, "/instruments/" + PAI + "/versions/" + version));
        List<UUID> roundIds = new ArrayList<>(parallel(rounds, r -> openRound(api, partnership, coordinator, version,
                tag + " round " + (r + 1), members, minimumGroupSize)));
        List<String> memberSectors = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            memberSectors.add(sectors.get(i % sectors.size()));
        }
        return new Coalition(api, partnership, List.copyOf(usernames), List.copyOf(roundIds), form, List.copyOf(memberSectors));
    }

    public PulseApi api() {
        return api;
    }

    public UUID partnershipId() {
        return partnershipId;
    }

    public String coordinator() {
        return members.get(0);
    }

    public List<String> members() {
        return members;
    }

    public List<UUID> roundIds() {
        return roundIds;
    }

    /** The sector of the organisation the member works for. */
    public String sectorOf(String member) {
        return memberSectors.get(members.indexOf(member));
    }

    /** The items and options of the rounds' PAI version. */
    public PaiForm form() {
        return form;
    }

    public int slots() {
        return members.size() * roundIds.size();
    }

    /** The n-th distinct (person, round); consecutive n are different people of the same round. */
    public Slot slot(int n) {
        return new Slot(members.get(n % members.size()), roundIds.get((n / members.size()) % roundIds.size()));
    }

    /** A complete answer (every item, the three reflections), drawn from a seed so it can be re-created. */
    public Map<String, Object> answers(long seed) {
        return form.answers(new Random(seed));
    }

    /** Saves the answers and submits them: the two requests a respondent's "Submit" makes. */
    public PulseApi.Reply submit(Slot slot, Map<String, Object> answers) {
        String path = "/rounds/" + slot.roundId() + "/response";
        PulseApi.Reply saved = api.call("PUT", PulseService.ASSESSMENT, slot.user(), path, answers, null);
        if (!saved.ok()) {
            return saved;
        }
        PulseApi.Reply submitted = api.call("POST", PulseService.ASSESSMENT, slot.user(), path + "/submit", null, null);
        return new PulseApi.Reply(submitted.status(), submitted.etag(), submitted.body(), submitted.rawBody(),
                saved.nanos() + submitted.nanos());
    }

    /** Saves and submits the answers in one request (POST .../response/submission): a response completed in one go. */
    public PulseApi.Reply submitInOneRequest(Slot slot, Map<String, Object> answers) {
        return api.call("POST", PulseService.ASSESSMENT, slot.user(), "/rounds/" + slot.roundId() + "/response/submission",
                answers, null);
    }

    /** Asks for an interim release of the round as its coordinator: 201 with the release, or 409 saying why not. */
    public PulseApi.Reply release(UUID roundId) {
        return api.call("POST", PulseService.REPORTING, coordinator(), "/rounds/" + roundId + "/releases", null, null);
    }

    /**
     * Responses reporting-service has counted, or -1 when it has no report yet. Results change only in releases, so
     * the coordinator first asks for an interim release of what reporting has applied: the count is the latest
     * release's respondents plus, when nothing could be released (409), the respondents whose answers wait for the
     * next release, which the 409 names as a number (never whose). A drill of first submissions to distinct
     * (person, round) slots thus sees every applied response, also a tail too small to be released.
     */
    public int reportedResponses(UUID roundId) {
        PulseApi.Reply release = release(roundId);
        int waiting = 0;
        if (release.status() == 409) {
            Matcher m = WAITING.matcher(release.rawBody() == null ? "" : release.rawBody());
            waiting = m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
        PulseApi.Reply r = api.call("GET", PulseService.REPORTING, coordinator(), "/rounds/" + roundId + "/report", null, null);
        return r.ok() ? r.body().path("participation").path("responded").asInt(-1) + waiting : -1;
    }

    private static final Pattern WAITING = Pattern.compile("Not released: (\\d+) respondent");

    /**
     * The user's person entry: the one their login is linked to from an earlier run, else a new one added for the
     * partnership by e-mail and linked as Keycloak's users are, by signing in with that (verified) e-mail.
     */
    private static String person(PulseApi api, Keycloak.User u, String organisationId, UUID partnershipId) {
        String linked = api.get(PulseService.PARTNERSHIP, u.username(), "/me").path("person").path("id").asText("");
        if (!linked.isEmpty()) {
            return linked;
        }
        api.ok("POST", PulseService.PARTNERSHIP, "admin", "/people", Map.of("name", u.firstName() + " " + u.lastName(),
                "email", u.email(), "organisationId", organisationId, "partnershipId", partnershipId.toString()));
        linked = api.get(PulseService.PARTNERSHIP, u.username(), "/me").path("person").path("id").asText("");
        if (linked.isEmpty()) {
            throw new IllegalStateException(u.username() + " was not linked to their person on sign-in");
        }
        return linked;
    }

    /** The newest published version of the Partnership Assessment Inventory, as its catalogue lists it. */
    public static JsonNode latestPai(PulseApi api, String user) {
        JsonNode best = null;
        for (JsonNode v : api.get(PulseService.ASSESSMENT, user, "/instruments?key=" + PAI + "&status=PUBLISHED").path("items")) {
            if (best == null || v.path("version").asInt() > best.path("version").asInt()) {
                best = v;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no published " + PAI);
        }
        return best;
    }

    /**
     * Creates and opens a round once assessment-service's projection (fed by partnership events) knows every
     * member: a round invites the people it knows when it opens, so an early one is closed and tried again.
     */
    private static UUID openRound(PulseApi api, UUID partnership, String coordinator, int version, String title, int members,
                                  Integer minimumGroupSize) {
        String rounds = "/partnerships/" + partnership + "/rounds";
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Map<String, Object> request = new LinkedHashMap<>(Map.of(
                    "instrumentKey", PAI, "instrumentVersion", version, "title", title,
                    "closesAt", Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS).toString()));
            if (minimumGroupSize != null) {
                request.put("minimumGroupSize", minimumGroupSize);
            }
            PulseApi.Reply created = api.call("POST", PulseService.ASSESSMENT, coordinator, rounds, request, null);
            if (created.ok()) {
                String path = rounds + "/" + created.body().path("id").asText();
                PulseApi.Reply current = api.call("GET", PulseService.ASSESSMENT, coordinator, path, null, null);
                JsonNode opened = PulseApi.ok(api.call("POST", PulseService.ASSESSMENT, coordinator, path + "/open", null, current.etag()),
                        "open " + path);
                if (opened.path("invitedCount").asInt() == members) {
                    return UUID.fromString(opened.path("id").asText());
                }
                PulseApi.Reply now = api.call("GET", PulseService.ASSESSMENT, coordinator, path, null, null);
                api.call("POST", PulseService.ASSESSMENT, coordinator, path + "/close", null, now.etag());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("assessment-service does not know all " + members + " members of "
                        + partnership + " after 120 s (last answer " + created.status() + ": " + created.rawBody() + ")");
            }
            sleep(500);
        }
    }

    interface Step<T> {
        T run(int index) throws Exception;
    }

    /** Runs {@code count} independent set-up steps on 8 threads, in index order of the results. */
    static <T> List<T> parallel(int count, Step<T> step) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> step.run(index)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("set-up failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The items of a PAI version and the options of their scales. */
    public record PaiForm(Map<String, List<String>> optionsByItem, List<String> freeTextItems) {

        public static PaiForm of(JsonNode version) {
            Map<String, List<String>> scales = new LinkedHashMap<>();
            for (JsonNode scale : version.path("scales")) {
                List<String> values = new ArrayList<>();
                scale.path("options").forEach(o -> values.add(o.path("value").asText()));
                scales.put(scale.path("key").asText(), values);
            }
            Map<String, List<String>> options = new LinkedHashMap<>();
            List<String> free = new ArrayList<>();
            for (JsonNode section : version.path("sections")) {
                for (JsonNode item : section.path("items")) {
                    List<String> values = scales.getOrDefault(item.path("scale").asText(), List.of());
                    if (values.isEmpty()) {
                        free.add(item.path("key").asText());
                    } else {
                        options.put(item.path("key").asText(), values);
                    }
                }
            }
            return new PaiForm(options, free);
        }

        public Map<String, Object> answers(Random random) {
            Map<String, Object> answers = new LinkedHashMap<>();
            optionsByItem.forEach((key, values) -> answers.put(key, Map.of("value", values.get(random.nextInt(values.size())))));
            for (String key : freeTextItems) {
                answers.put(key, Map.of("value", "Reflection " + random.nextInt(1000)
                        + ": partners show up and share what they know; decisions still need a clearer structure."));
            }
            return Map.of("language", "en", "answers", answers);
        }
    }
}
