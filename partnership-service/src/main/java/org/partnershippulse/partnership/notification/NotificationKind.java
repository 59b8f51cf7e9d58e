package org.partnershippulse.partnership.notification;

/** What a person is told. The name is the kind's key in the notification table, the metrics and the events. */
public enum NotificationKind {
    /** A round opened (or reopened) and invites them. */
    INVITATION("invitation"),
    /** A round they have not responded to closes soon. */
    REMINDER("reminder"),
    /** A check-in of their partnership's plan falls due. */
    CHECK_IN_DUE("check-in-due"),
    /** A round's results were released. */
    RESULTS_RELEASED("results-released");

    private final String template;

    NotificationKind(String template) {
        this.template = template;
    }

    /** The template's name under templates/notification/ (one per language). */
    public String template() {
        return template;
    }
}
