package org.partnershippulse.partnership.agreement;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void activeAgreementPastItsRenewalDateIsExpired() {
        assertEquals(AgreementStatus.EXPIRED, AgreementRules.status(AgreementStatus.ACTIVE, TODAY.minusDays(1), TODAY));
        assertEquals(AgreementStatus.ACTIVE, AgreementRules.status(AgreementStatus.ACTIVE, TODAY, TODAY));
        assertEquals(AgreementStatus.TERMINATED, AgreementRules.status(AgreementStatus.TERMINATED, TODAY.minusYears(1), TODAY));
    }

    @Test
    void reSignatureIsDueAnnuallyAndFlaggedThirtyDaysAhead() {
        assertEquals(LocalDate.of(2027, 11, 23), AgreementRules.renewalDue(TODAY));
        assertTrue(AgreementRules.dueForRenewal(AgreementStatus.ACTIVE, TODAY.plusDays(30), TODAY));
        assertFalse(AgreementRules.dueForRenewal(AgreementStatus.ACTIVE, TODAY.plusDays(31), TODAY));
        assertFalse(AgreementRules.dueForRenewal(AgreementStatus.DRAFT, TODAY, TODAY));
    }

    @Test
    void lifecycleAllowsOnlyDraftToActiveAndTermination() {
        assertDoesNotThrow(() -> AgreementRules.requireTransition(AgreementStatus.DRAFT, AgreementStatus.ACTIVE));
        assertDoesNotThrow(() -> AgreementRules.requireTransition(AgreementStatus.EXPIRED, AgreementStatus.TERMINATED));
        assertThrows(IllegalStateException.class, () -> AgreementRules.requireTransition(AgreementStatus.ACTIVE, AgreementStatus.ACTIVE));
        assertThrows(IllegalStateException.class, () -> AgreementRules.requireTransition(AgreementStatus.TERMINATED, AgreementStatus.ACTIVE));
        assertThrows(IllegalStateException.class, () -> AgreementRules.requireTransition(AgreementStatus.ACTIVE, AgreementStatus.EXPIRED));
    }

    @Test
    void templateKeepsTheModelWordForWordAndAddsThePartnershipsOwnSections() {
        String text = MouTemplate.render("Ventura County", "at least monthly", "Consensus", List.of("Share data quarterly"),
                List.of(new MouTemplate.Member("County Library"), new MouTemplate.Member("Food Bank")));
        assertTrue(text.startsWith("# Model Memorandum of Understanding (MOU) for Building Community Resilience (BCR) in Ventura County"));
        assertTrue(text.contains("- Meet at least monthly for check-ins to review progress of the BCR cross-sector partnership."));
        assertTrue(text.indexOf("## Decision-making process") < text.indexOf("## IN WITNESS HEREOF"));
        assertTrue(text.contains("- Share data quarterly"));
        assertTrue(text.contains("**County Library**") && text.contains("**Food Bank**"));
        assertFalse(text.contains("{{"));
    }
}
