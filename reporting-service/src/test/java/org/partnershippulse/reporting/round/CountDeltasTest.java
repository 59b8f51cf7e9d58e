package org.partnershippulse.reporting.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershippulse.reporting.round.CountDeltas.AnswerKey;
import org.partnershippulse.reporting.round.CountDeltas.Contribution;
import org.partnershippulse.reporting.round.CountDeltas.Group;

class CountDeltasTest {

    private static final Group EDUCATION = new Group(CountDeltas.SECTOR, "EDUCATION");
    private static final Group MEMBER = new Group(CountDeltas.ROLE, "MEMBER");

    @Test
    void firstRevisionCountsTheRespondentAndEachAnswerForEveryoneTheirSectorAndEachRole() {
        CountDeltas d = new CountDeltas().add(new Contribution("EDUCATION", List.of("MEMBER", "COORDINATOR", "MEMBER"),
                Map.of("a", "X")));

        assertEquals(Map.of(Group.EVERYONE, 1, EDUCATION, 1, MEMBER, 1, new Group(CountDeltas.ROLE, "COORDINATOR"), 1),
                d.respondents());
        assertEquals(4, d.answers().size());
        assertEquals(1, d.answers().get(new AnswerKey(Group.EVERYONE, "a", "X")));
    }

    @Test
    void aRevisionChangingOneAnswerTouchesOnlyThatAnswer() {
        CountDeltas d = new CountDeltas()
                .subtract(new Contribution("EDUCATION", List.of("MEMBER"), Map.of("a", "X", "b", "Y")))
                .add(new Contribution("EDUCATION", List.of("MEMBER"), Map.of("a", "X", "b", "Z")));

        assertEquals(Map.of(), d.respondents());
        assertEquals(Map.of(
                new AnswerKey(Group.EVERYONE, "b", "Y"), -1, new AnswerKey(Group.EVERYONE, "b", "Z"), 1,
                new AnswerKey(EDUCATION, "b", "Y"), -1, new AnswerKey(EDUCATION, "b", "Z"), 1,
                new AnswerKey(MEMBER, "b", "Y"), -1, new AnswerKey(MEMBER, "b", "Z"), 1), d.answers());
    }

    @Test
    void aRespondentWithoutSectorCountsAsUnknown() {
        CountDeltas d = new CountDeltas().add(new Contribution(null, List.of(), Map.of()));

        assertEquals(Map.of(Group.EVERYONE, 1, new Group(CountDeltas.SECTOR, CountDeltas.UNKNOWN_SECTOR), 1), d.respondents());
    }
}
