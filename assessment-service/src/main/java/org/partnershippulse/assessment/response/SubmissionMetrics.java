package org.partnershippulse.assessment.response;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * {@code pulse_submissions_accepted_total}: submissions (first ones and revisions) whose transaction committed. Counted
 * after the commit, so a submission rolled back (a conflict, the database gone) is never counted.
 */
@ApplicationScoped
public class SubmissionMetrics {

    /** Fired by {@link ResponseService#submit} in the submission's transaction. */
    public record Accepted() {
    }

    private final Counter accepted;

    SubmissionMetrics(MeterRegistry registry) {
        accepted = Counter.builder("pulse.submissions.accepted")
                .description("Responses submitted (first submissions and revisions), counted once committed")
                .register(registry);
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Accepted submission) {
        accepted.increment();
    }
}
