package org.partnershippulse.system.differencing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.Coalition;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseService;

/**
 * The differencing test of contracts/privacy.md: drives a round through submissions, interim release attempts,
 * revisions, a close, a reopen and a final close; after every step takes every read every role can make
 * (coordinator, each member, the platform administrator, a coordinator of another partnership): report JSON and
 * CSV, personal view, trends, comparison, participation, releases. It turns the figures into linear observations
 * of the answers they counted ({@link Figures}, {@link Truth}) and lets {@link Differencing} decide, per reader,
 * whether all their reads together give away an individual's answers, a group below the minimum or a
 * reflection's author. Prints {@code differencing: N reads over S steps, D derivations} and fails unless D is 0.
 */
@ExtendWith(RunningSystem.class)
class DifferencingIT {

    private static final PulseService A = PulseService.ASSESSMENT;
    private static final PulseService R = PulseService.REPORTING;
    private static final String ADMIN = "admin";
    private static final List<String> SECTORS = List.of("CHILD_WELFARE", "EDUCATION", "HEALTH_CARE");
    private static final int MINIMUM = 3;

    private final PulseApi api = new PulseApi(RunningSystem.env(), RunningSystem.keycloak());
    private Coalition coalition;
    private String outsider;
    private String round;
    private String earlierRound;
    private Figures.Form form;
    private Truth truth;
    private Differencing core;
    private final List<String> unexplained = new ArrayList<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private int reads;
    private int steps;

    @Test
    void noSequenceOfReadsDerivesAnIndividualOrASmallGroup() {
        String tag = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        coalition = Coalition.assemble(api, "dif" + tag, 9, 2, SECTORS, MINIMUM);
        outsider = Coalition.assemble(api, "dio" + tag, 1, 0).coordinator();
        earlierRound = coalition.roundIds().get(0).toString();
        round = coalition.roundIds().get(1).toString();
        int version = Coalition.latestPai(api, coalition.coordinator()).path("version").asInt();
        form = Figures.Form.of(api.get(A, coalition.coordinator(), "/instruments/" + Coalition.PAI + "/versions/" + version));
        Map<String, String> sectors = new LinkedHashMap<>();
        coalition.members().forEach(m -> sectors.put(m, coalition.sectorOf(m)));
        truth = new Truth(form, sectors, 12L);
        core = new Differencing(MINIMUM, form.optionsByItem());
        SECTORS.forEach(s -> core.group(s, coalition.members().stream().filter(m -> s.equals(sectors.get(m))).toList()));
        core.group("COORDINATOR", List.of(coalition.coordinator()));
        core.group("MEMBER", coalition.members().subList(1, coalition.members().size()));
        coalition.members().forEach(m -> core.reader(m, m));
        core.reader(ADMIN, null).reader(outsider, null);

        // the earlier round closes with no answers: trends and the comparison have two rounds
        lifecycle(earlierRound, "close", null);
        List<String> m = coalition.members(); // m0 coordinates; sectors: m0 m3 m6 | m1 m4 m7 | m2 m5 m8
        step("nothing yet", () -> { });
        submit(m.get(1));
        submit(m.get(2));
        release();
        submit(m.get(4));
        release();
        submit(m.get(0));
        submit(m.get(3));
        release();
        submit(m.get(5));
        release();
        submit(m.get(1)); // a revision
        submit(m.get(6));
        submit(m.get(7));
        step("close", () -> lifecycle(round, "close", null));
        step("reopen", () -> lifecycle(round, "reopen", Map.of("reason", "Two partners asked to correct answers")));
        submit(m.get(8));
        submit(m.get(2));
        release();
        submit(m.get(3));
        submit(m.get(4));
        submit(m.get(5));
        step("final close", () -> lifecycle(round, "close", null));

        List<Differencing.Derivation> derivations = core.derivations();
        System.out.println("differencing: " + reads + " reads over " + steps + " steps, " + derivations.size() + " derivations"
                + " (" + core.observations() + " distinct observations; answers " + statuses + ")");
        List<String> summary = summary(derivations);
        summary.forEach(d -> System.out.println("  derived: " + d));
        unexplained.forEach(u -> System.out.println("  unexplained: " + u));
        assertTrue(derivations.isEmpty() && unexplained.isEmpty(), derivations.size() + " derivations, " + unexplained.size()
                + " reads whose figures match no state of the round:\n" + String.join("\n", summary.stream().limit(60).toList())
                + "\n" + String.join("\n", unexplained));
    }

    /** One line per reader and what they derive (a person, a group, an author), with how many items and an example. */
    private static List<String> summary(List<Differencing.Derivation> derivations) {
        Map<String, List<Differencing.Derivation>> byWho = new LinkedHashMap<>();
        derivations.forEach(d -> byWho.computeIfAbsent(d.observer() + " → " + d.victim() + (d.what().contains(" wrote ") ? " (text)" : ""),
                k -> new ArrayList<>()).add(d));
        List<String> out = new ArrayList<>();
        byWho.forEach((who, list) -> out.add(who + ": " + list.size() + " item(s), e.g. " + list.get(0)));
        return out;
    }

    // --------------------------------------------------------------------------------------------------- steps

    private void submit(String member) {
        int revision = truth.revision(member) + 1;
        step((revision == 1 ? "submit " : "revise ") + member, () -> {
            String path = "/rounds/" + round + "/response";
            String etag = revision == 1 ? null : api.call("GET", A, member, path, null, null).etag(); // a revision names the one it replaces
            PulseApi.ok(api.call("PUT", A, member, path, truth.nextAnswer(member), etag), "save " + member);
            PulseApi.ok(api.call("POST", A, member, path + "/submit", null, null), "submit " + member);
            truth.submitted(member);
            // reporting has taken the answer in once the author's own view shows it
            await(() -> api.call("GET", R, member, "/rounds/" + round + "/me", null, null).body().path("revision").asInt() >= revision);
        });
    }

    private void release() {
        step("interim release", () -> {
            PulseApi.Reply r = api.call("POST", R, coalition.coordinator(), "/rounds/" + round + "/releases", null, null);
            statuses.merge("release " + r.status(), 1, Integer::sum);
            sleep(300);
        });
    }

    private void step(String name, Runnable action) {
        action.run();
        truth.step();
        steps++;
        readEverything(steps + " " + name);
    }

    private void lifecycle(String roundId, String action, Object body) {
        String path = "/partnerships/" + coalition.partnershipId() + "/rounds/" + roundId;
        String coordinator = coalition.coordinator();
        String etag = api.call("GET", A, coordinator, path, null, null).etag();
        PulseApi.ok(api.call("POST", A, coordinator, path + "/" + action, body, etag), action + " " + roundId);
        String status = action.equals("close") ? "CLOSED" : "OPEN";
        await(() -> status.equals(api.call("GET", R, coordinator, "/rounds/" + roundId + "/report", null, null).body().path("status").asText()));
        sleep(1000); // a release at close follows the round's closed event
    }

    // ---------------------------------------------------------------------------------------------------- reads

    private void readEverything(String step) {
        List<String> readers = new ArrayList<>(coalition.members());
        readers.add(ADMIN);
        readers.add(outsider);
        String p = coalition.partnershipId().toString();
        for (String reader : readers) {
            json(step, reader, "report", R, "/rounds/" + round + "/report");
            csv(step, reader, "/rounds/" + round + "/report.csv");
            json(step, reader, "personal view", R, "/rounds/" + round + "/me");
            json(step, reader, "trends", R, "/partnerships/" + p + "/trends?instrumentKey=" + Coalition.PAI);
            json(step, reader, "comparison", R, "/partnerships/" + p + "/comparison?from=" + earlierRound + "&to=" + round);
            json(step, reader, "releases", R, "/rounds/" + round + "/releases");
            json(step, reader, "participation", A, "/partnerships/" + p + "/rounds/" + round + "/participation");
        }
        coalition.members().forEach(m -> truth.textsOf(m).forEach(t -> core.ownText(m, t)));
    }

    private void json(String step, String reader, String what, PulseService service, String path) {
        PulseApi.Reply r = api.call("GET", service, reader, path, null, null);
        reads++;
        if (r.ok()) {
            observe(step, reader, what, Figures.ofJson(form, round, r.body()));
        }
    }

    private void csv(String step, String reader, String path) {
        try {
            HttpResponse<String> r = api.exchange("GET", R, reader, path, null, Map.of("Accept", "text/csv"), Duration.ofSeconds(30));
            reads++;
            if (r.statusCode() == 200) {
                observe(step, reader, "report.csv", Figures.ofCsv(form, r.body()));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GET " + path + " as " + reader, e);
        }
    }

    private void observe(String step, String reader, String what, List<Figures.Scoped> shown) {
        for (Figures.Scoped scoped : shown) {
            String source = "step " + step + ": " + what + (scoped.scope == null ? "" : " " + scoped.scope) + " as " + reader;
            Set<Differencing.Version> counted = truth.counted(scoped);
            if (counted == null) {
                unexplained.add(source + " (" + scoped.figures.size() + " figures)");
                continue;
            }
            for (Figures.Figure f : scoped.figures) {
                core.observe(reader, source, counted, f.functional());
            }
            scoped.texts.forEach((item, texts) -> core.texts(reader, source, counted, item, texts));
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static void await(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within 30 s");
            }
            sleep(200);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
