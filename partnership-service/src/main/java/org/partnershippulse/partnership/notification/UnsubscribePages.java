package org.partnershippulse.partnership.notification;

/** The two small pages of the unsubscribe link, in English and Spanish (the token is [A-Za-z0-9_-] only). */
final class UnsubscribePages {

    private UnsubscribePages() {
    }

    static String confirm(String token) {
        return page("""
                <p>Stop all e-mails from Partnership Pulse to you? / ¿Dejar de recibir todos los correos de Partnership Pulse?</p>
                <form method="post" action="?token=%s"><button type="submit">Unsubscribe / Darme de baja</button></form>
                """.formatted(token));
    }

    static String done() {
        return page("""
                <p>You will receive no more e-mails from Partnership Pulse. You can turn them on again in your settings.</p>
                <p>No recibirá más correos de Partnership Pulse. Puede volver a activarlos en su configuración.</p>
                """);
    }

    private static String page(String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Partnership Pulse</title></head>
                <body>
                %s</body></html>
                """.formatted(body);
    }
}
