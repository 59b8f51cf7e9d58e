package org.partnershippulse.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UniqueConstraintsTest {

    @Test
    void fieldIsTheCamelCasedPartAfterTheDoubleUnderscore() {
        assertEquals("name", UniqueConstraints.fieldOf("uq_organisation__name"));
        assertEquals("organisationId", UniqueConstraints.fieldOf("uq_membership__organisation_id"));
    }

    @Test
    void constraintsOutsideTheConventionBlameTheBody() {
        assertEquals("body", UniqueConstraints.fieldOf("organisation_pkey"));
        assertEquals("body", UniqueConstraints.fieldOf(null));
    }

    @Test
    void problemIsADuplicate409NamingTheField() {
        Problem problem = UniqueConstraints.problem("uq_partnership__name", "/partnerships");
        assertEquals(409, problem.status());
        assertEquals("https://partnershippulse.org/problems/duplicate", problem.type().toString());
        assertEquals("name", problem.violations().get(0).field());
    }
}
