package org.partnershippulse.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.quarkus.runtime.configuration.MemorySize;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers, as problem details, the requests that never reach a JAX-RS resource: paths no resource matches
 * and bodies above the size limit ({@code quarkus.http.limits.max-body-size}).
 */
@ApplicationScoped
public class UnmatchedRoutes {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        // Declared sizes are checked before the body is read, so that the client gets a problem, not a bare 413.
        // just after ResponseHeaders (Integer.MIN_VALUE), so that this 413 carries its headers too
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()
                    && Long.parseLong(length) > maxBodySize.asLongValue()) {
                write(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds " + maxBodySize.asLongValue() + " bytes");
                return;
            }
            ctx.next();
        });
        router.route().order(Integer.MAX_VALUE - 10).handler(ctx -> {
            if (!ctx.response().ended()) {
                write(ctx, ProblemType.NOT_FOUND, "Nothing is found at " + ctx.normalizedPath());
            }
        });
        router.errorHandler(413, ctx -> write(ctx, ProblemType.PAYLOAD_TOO_LARGE,
                "The request body exceeds the size this service accepts"));
    }

    private void write(RoutingContext ctx, ProblemType type, String detail) {
        if (ctx.response().headWritten()) {
            return;
        }
        try {
            String body = mapper.writeValueAsString(Problem.of(type, detail, ctx.normalizedPath(), List.of()));
            ctx.response().setStatusCode(type.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(type.status()).end();
        }
    }
}
