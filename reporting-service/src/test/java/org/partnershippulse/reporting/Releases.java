package org.partnershippulse.reporting;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.partnershippulse.reporting.round.ResponseView;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

/**
 * Results change only in releases: tests wait until reporting has applied the responses they submitted (the read
 * models, not a report, which shows only releases), then cut a release as a platform administrator.
 */
public final class Releases {

    private Releases() {
    }

    /** Waits until the round holds this many responses whose revisions add up to at least {@code revisions}. */
    public static void awaitApplied(UUID roundId, int responses, int revisions) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    long n = ResponseView.count("roundId", roundId);
                    Number sum = (Number) ResponseView.getEntityManager()
                            .createQuery("select coalesce(sum(r.revision), 0) from ResponseView r where r.roundId = ?1")
                            .setParameter(1, roundId).getSingleResult();
                    return n == responses && sum.longValue() >= revisions;
                }));
    }

    /** Waits for this many first revisions, then cuts a release: 201 expected. */
    public static JsonPath cut(UUID roundId, int responses) {
        awaitApplied(roundId, responses, responses);
        return given().auth().oauth2(TestTokens.of(TestUser.ADMIN)).when().post("/rounds/{id}/releases", roundId)
                .then().statusCode(201).extract().jsonPath();
    }

    /** Asks for a release as this user; the status and body, whatever they are. */
    public static io.restassured.response.Response request(TestUser user, UUID roundId) {
        return given().auth().oauth2(TestTokens.of(user)).when().post("/rounds/{id}/releases", roundId);
    }
}
