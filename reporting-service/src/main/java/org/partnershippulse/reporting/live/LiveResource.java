package org.partnershippulse.reporting.live;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.problem.Problem;
import org.partnershippulse.kit.security.CurrentUser;
import org.partnershippulse.kit.web.Params;
import org.partnershippulse.reporting.roundreport.RoundReportResource;

@Path("/rounds/{roundId}/live")
@Tag(name = "Round reports")
public class LiveResource {

    @Inject
    LiveService live;

    @Inject
    CurrentUser currentUser;

    @Inject
    JsonWebToken token;

    @Context
    Sse sse;

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamRoundLive", summary = "Follow an open round's participation and results live",
            description = "Server-sent events, for the round report's readers. Event "
            + "'summary' (a LiveSummary as JSON) at once and whenever it changed (checked every second), 'heartbeat' "
            + "when nothing was sent for a while (every 15 s by default), and 'end' ({\"reason\": ROUND_CLOSED, "
            + "ACCESS_REVOKED, TOKEN_EXPIRED or SHUTDOWN}) as the last event when the service ends the stream: after the "
            + "summary that shows the round closed, when the reader lost their role, when the token expired (reconnect "
            + "with a fresh one) or when the instance stops. Same readers and suppression as the report; access is "
            + "checked again before every message. At most 3 open streams per caller and 200 per round (configurable).")
    @APIResponse(responseCode = "200", description = "The stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            // contentSchema: each 'summary' event's data is a LiveSummary, so that clients get the type
            schema = @Schema(type = SchemaType.STRING, contentMediaType = MediaType.APPLICATION_JSON, contentSchema = LiveSummary.class,
                    description = "A text/event-stream: events 'summary' (data: a LiveSummary as JSON), 'heartbeat' (data: {}) "
                    + "and 'end' (data: {\"reason\": \"ROUND_CLOSED\"}, or ACCESS_REVOKED, TOKEN_EXPIRED, SHUTDOWN)",
                    example = "event: summary\ndata: {\"roundId\": \"3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10\", \"status\": \"OPEN\", ...}\n\n")))
    @APIResponse(responseCode = "400", description = "roundId or lang is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such round, or not one of your partnerships",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The round is not open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "You, or this round, have the most open streams allowed; "
            + "Retry-After says when to try again", headers = @Header(name = "Retry-After", ref = "Retry-After"), content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> live(
            @Parameter(description = "The round", example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("roundId") String roundId,
            @Parameter(description = "Language of the texts, two lower-case letters; English where a text has no translation (default en)", example = "en",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z]{2}$")) @QueryParam("lang") String lang) {
        UUID id = Params.requiredUuid(roundId, "roundId");
        String language = RoundReportResource.language(lang);
        LiveService.Opened opened = live.open(id, language);
        long exp = token.getExpirationTime();
        return live.stream(opened, currentUser.subject(), currentUser.isPlatformAdmin(),
                exp > 0 ? Instant.ofEpochSecond(exp) : null).map(this::event);
    }

    private OutboundSseEvent event(LiveService.Message m) {
        if (m instanceof LiveService.Summary s) {
            return sse.newEventBuilder().name("summary").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(LiveSummary.class, s.summary()).build();
        }
        if (m instanceof LiveService.End e) {
            return sse.newEventBuilder().name("end").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(Map.class, Map.of("reason", e.reason().name())).build();
        }
        return sse.newEventBuilder().name("heartbeat").data("{}").build();
    }
}
