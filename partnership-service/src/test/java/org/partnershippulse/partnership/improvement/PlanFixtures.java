package org.partnershippulse.partnership.improvement;

import static io.restassured.RestAssured.given;
import static org.partnershippulse.partnership.Fixtures.token;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.partnershippulse.partnership.Fixtures;

/** Plans and goals through the API, as a coordinator makes them. */
public final class PlanFixtures {

    static final UUID ROUND = UUID.fromString("0b7e4c1a-2f3d-4e5a-8b9c-0d1e2f3a4b5c");

    private PlanFixtures() {
    }

    public static String plans(Fixtures.World world) {
        return "/partnerships/" + world.partnershipId() + "/plans";
    }

    /** A monthly plan that started {@code monthsAgo} months ago. */
    public static String plan(Fixtures.World world, int monthsAgo) {
        String id = given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("title", "Plan " + UUID.randomUUID(), "roundId", ROUND, "startsOn", LocalDate.now().minusMonths(monthsAgo).toString()))
                .post(plans(world)).then().statusCode(201).extract().path("id");
        return plans(world) + "/" + id;
    }

    public static Map<String, Object> goalBody(Fixtures.World world, UUID ownerOrganisation) {
        Map<String, Object> body = new HashMap<>();
        body.put("what", "Members share referral data every month");
        body.put("measure", "Share of members that sent their monthly data");
        body.put("target", 90);
        body.put("unit", "%");
        body.put("ownerOrganisationId", ownerOrganisation);
        body.put("ownerPersonId", world.memberPersonId());
        body.put("dueOn", LocalDate.now().plusMonths(6).toString());
        body.put("findings", List.of(Map.of("roundId", ROUND, "kind", "ITEM", "key", "trust-3"),
                Map.of("roundId", ROUND, "kind", "SECTION", "key", "trust")));
        return body;
    }

    /** A goal owned by the given organisation; returns its path. */
    public static String goal(Fixtures.World world, String planPath, Map<String, Object> body) {
        String id = given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).body(body)
                .post(planPath + "/goals").then().statusCode(201).extract().path("id");
        return planPath + "/goals/" + id;
    }

    public static String id(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
