package org.partnershippulse.partnership.agreement;

import java.time.LocalDate;
import java.time.Period;

/** The agreement lifecycle: plain rules, tested without a database. */
public final class AgreementRules {

    /** BCR Tool 2: the MOU is re-signed "on at least an annual basis". */
    public static final Period RESIGNATURE_INTERVAL = Period.ofMonths(12);

    /** Agreements are listed as due for renewal this long before their date. */
    public static final Period RENEWAL_NOTICE = Period.ofDays(30);

    private AgreementRules() {
    }

    public static AgreementStatus status(AgreementStatus stored, LocalDate renewalDueOn, LocalDate today) {
        if (stored == AgreementStatus.ACTIVE && renewalDueOn != null && renewalDueOn.isBefore(today)) {
            return AgreementStatus.EXPIRED;
        }
        return stored;
    }

    public static boolean dueForRenewal(AgreementStatus stored, LocalDate renewalDueOn, LocalDate today) {
        return stored == AgreementStatus.ACTIVE && renewalDueOn != null
                && !renewalDueOn.isAfter(today.plus(RENEWAL_NOTICE));
    }

    public static LocalDate renewalDue(LocalDate from) {
        return from.plus(RESIGNATURE_INTERVAL);
    }

    /** Which transitions a coordinator may request. Expiry is not requested: it happens when the date passes. */
    public static void requireTransition(AgreementStatus from, AgreementStatus to) {
        boolean allowed = switch (to) {
            case ACTIVE -> from == AgreementStatus.DRAFT;
            case TERMINATED -> from == AgreementStatus.ACTIVE || from == AgreementStatus.EXPIRED || from == AgreementStatus.DRAFT;
            default -> false;
        };
        if (!allowed) {
            throw new IllegalStateException("An agreement that is " + from + " cannot become " + to);
        }
    }
}
