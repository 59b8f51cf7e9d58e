package org.partnershippulse.partnership.notification;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The link at the foot of every mail. Without a token (the person reads mail where they are not signed in): the
 * token is the credential, and it can only stop that person's mails. GET only shows a button, so a mail scanner that
 * follows links unsubscribes no one; the POST (the button, or a mail client's one-click List-Unsubscribe-Post) does.
 */
@Path("/notifications/unsubscribe")
@Tag(name = "Me", description = "The caller")
@PermitAll
public class UnsubscribeResource {

    @Inject
    NotificationSettingsService service;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getUnsubscribePage", summary = "Show the unsubscribe page of a mail's link",
            description = "No token needed: the link's token (400 if malformed, 404 if unknown). A page with one button"
                    + " that stops every e-mail to the link's person; opening it changes nothing.")
    public String page(@QueryParam("token") String token) {
        service.byToken(token);
        return UnsubscribePages.confirm(token);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "unsubscribe", summary = "Stop every e-mail to the link's person",
            description = "No token needed: the link's token (400 if malformed, 404 if unknown). Sets the person's"
                    + " emailOptOut, as PUT /me/notification-settings would; they can turn mails on again there.")
    public String unsubscribe(@QueryParam("token") String token) {
        service.unsubscribe(token);
        return UnsubscribePages.done();
    }
}
