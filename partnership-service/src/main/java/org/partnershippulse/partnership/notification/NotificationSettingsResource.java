package org.partnershippulse.partnership.notification;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/me/notification-settings")
@Tag(name = "Me", description = "The caller")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationSettingsResource {

    @Inject
    NotificationSettingsService service;

    @GET
    @Operation(operationId = "getMyNotificationSettings", summary = "Get how you are notified",
            description = "Any signed-in user with a person entry (404 otherwise): the language of your e-mails (en by"
                    + " default) and whether you opted out of them.")
    public NotificationSettingsService.View get() {
        return service.mine();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateMyNotificationSettings", summary = "Choose your language and opt out of e-mails",
            description = "Any signed-in user with a person entry (404 otherwise), for themselves only: language en or"
                    + " es; emailOptOut true stops every e-mail (invitations, reminders, check-ins due, results released)"
                    + " from the next one on.")
    public NotificationSettingsService.View update(NotificationSettingsService.Request request) {
        return service.update(request);
    }
}
