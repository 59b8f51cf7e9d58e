package org.partnershippulse.assessment.response;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.partnershippulse.assessment.Http.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnershippulse.assessment.Partnerships;
import org.partnershippulse.assessment.Rounds;

/**
 * Issue 12, attack 8 on answers: 19,000 unknown item keys answered a 2.3 MB list of violations, NUL in an answer
 * was a 500; and answers are personal, so no cache may keep them.
 */
@QuarkusTest
class AnswerInputLimitsTest {

    @Test
    void thousandsOfUnknownKeysAnswerASmall400WithTheFirstFiftyAndACount() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();
        String response = Rounds.response(Rounds.open(p));

        StringBuilder body = new StringBuilder("{\"answers\":{");
        for (int i = 0; i < 19_000; i++) {
            body.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":{\"value\":\"1\"}");
        }
        body.append("}}");
        String answer = as(member.user()).body(body.toString()).when().put(response)
                .then().statusCode(400).contentType("application/problem+json")
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                .body("violations", hasSize(50))
                .body("violations[0].message", equalTo("is not an item of this instrument"))
                .body("violationsOmitted", equalTo(18_950))
                .body("detail", startsWith("answers.k"))
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(answer.length(), lessThan(8_000));
        as(member.user()).when().get(response).then().statusCode(404);
    }

    @Test
    void controlCharactersInAnAnswerAre400NamingItAndTheSavedAnswerIsNotStored() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();
        String response = Rounds.response(Rounds.open(p));

        as(member.user()).body("{\"answers\": {\"trust-team-building\": {\"value\": \"CURRENTLY_EXISTS\\u0000\"}}}")
                .when().put(response)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("answers.trust-team-building.value"))
                .body("violations[0].message", equalTo("must not contain control characters (U+0000 at position 16)"));
        as(member.user()).body("{\"answers\": {\"trust\\u0000\": {\"value\": \"CURRENTLY_EXISTS\"}}}")
                .when().put(response)
                .then().statusCode(400).body("violations[0].field", equalTo("answers"));

        as(member.user()).body("{\"answers\": {\"trust-team-building\": {\"value\": \"CURRENTLY_EXISTS\"}}}").when().put(response)
                .then().statusCode(201).header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        as(member.user()).when().get(response)
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("answers.trust-team-building.value", equalTo("CURRENTLY_EXISTS"));
    }

    @Test
    void myRoundsBeyondTheMaximumOffsetAre400NamingPage() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        as(member.user()).queryParam("page", "21474837").queryParam("size", "100").when().get("/me/rounds")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("page"));
        as(member.user()).urlEncodingEnabled(false).queryParam("status", "OPEN%00").when().get("/partnerships/" + p.id + "/rounds")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
    }
}
