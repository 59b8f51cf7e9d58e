package org.partnershippulse.reporting.roundreport;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.web.Params;

/**
 * The printable report page: a self-contained HTML shell without any data (inline CSS and script, no external
 * asset). In the browser its script takes the access token from the URL fragment ({@code #access_token=…}, which
 * is never sent to a server nor logged), removes it from the address, and fetches the JSON report and trends with
 * it, drawing the charts as inline SVG. The shell is the same for every round, so serving it without a token
 * reveals nothing; the data endpoints keep their authorization.
 */
@Path("/rounds/{roundId}/report.html")
@Tag(name = "Round reports")
public class ReportPageResource {

    static final String PAGE = load();
    /** Only the page's own inline script, and requests to this service. */
    static final String CSP = "default-src 'none'; script-src '" + scriptHash(PAGE) + "'; style-src 'unsafe-inline'; "
            + "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @SecurityRequirements
    @Operation(operationId = "getRoundReportPage", summary = "Open the round's report as a printable page with charts",
            description = "Needs no token: an HTML shell without data, the same for every round. Open it as report.html#access_token=<token>; its script fetches the report and trends with the "
            + "token and draws participation, stacked bars per item, a profile per section and trend lines (inline SVG).")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING,
                    description = "A self-contained HTML document (inline CSS and script)")))
    @APIResponse(responseCode = "400", description = "roundId is not a UUID")
    public Response page(@Parameter(description = "The round", example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10",
            schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("roundId") String roundId) {
        Params.uuid(roundId, "roundId");
        return Response.ok(PAGE, MediaType.TEXT_HTML + "; charset=UTF-8")
                .header("Content-Security-Policy", CSP)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache").build();
    }

    private static String load() {
        try (InputStream in = ReportPageResource.class.getResourceAsStream("/pages/round-report.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("pages/round-report.html missing", e);
        }
    }

    static String scriptHash(String page) {
        int start = page.indexOf("<script>") + "<script>".length();
        String script = page.substring(start, page.indexOf("</script>", start));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
