package org.partnershippulse.system.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.system.tracing.OtlpReceiver.Kind;
import org.partnershippulse.systemkit.Coalition;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseService;
import org.partnershippulse.systemkit.ServiceProcesses;

/**
 * A submission that does not show up in a report can be followed: with an OTLP endpoint configured (here a receiver
 * in this JVM, as a county's collector would be), one submission is one trace, from assessment-service's HTTP
 * request through its database writes and the outbox relay's publication to reporting-service's consumption of the
 * event and the read-model writes that update the report, every span linked to its parent.
 */
@ExtendWith(RunningSystem.class)
class TracingIT {

    private static final List<PulseService> TRACED = List.of(PulseService.ASSESSMENT, PulseService.REPORTING);
    private static final String SUBMITTED = "org.partnershippulse.assessment.response-submitted.v1";
    private static OtlpReceiver collector;

    @BeforeAll
    static void servicesExportToTheCollector() throws Exception {
        collector = new OtlpReceiver();
        restart(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(), "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                // export within a fraction of a second instead of every 5 s
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "PT0.2S"));
    }

    @AfterAll
    static void servicesAsBefore() throws Exception {
        try {
            restart(Map.of());
        } finally {
            collector.close();
        }
    }

    @Test
    void oneSubmissionIsOneTraceFromTheRequestToTheReportUpdate() {
        PulseApi api = new PulseApi(RunningSystem.env(), RunningSystem.keycloak());
        String tag = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        Coalition coalition = Coalition.assemble(api, "trc" + tag, 1, 1);
        Coalition.Slot slot = coalition.slot(0);
        PulseApi.Reply submitted = coalition.submit(slot, coalition.answers(7));
        assertTrue(submitted.ok(), "submitted: " + submitted.status() + " " + submitted.rawBody());
        String submitPath = "/rounds/" + slot.roundId() + "/response/submit";

        // the request: the root of its trace
        OtlpReceiver.Span request = await("assessment-service's span of POST .../submit", s ->
                s.service().equals("assessment-service") && s.kind() == Kind.SERVER
                        && (s.attributes().containsValue(submitPath) || s.name().endsWith("/response/submit")));
        String traceId = request.traceId();
        assertEquals("", request.parentSpanId(), "the request starts the trace");
        assertTrue(request.name().startsWith("POST"), request.name());

        // its database writes, the outbox row among them, in the request's span
        await("assessment-service's insert of the outbox row", s -> s.traceId().equals(traceId)
                && s.service().equals("assessment-service") && s.kind() == Kind.CLIENT
                && s.parentSpanId().equals(request.spanId()) && statement(s).contains("insert into outbox_event"));

        // the relay's publication of the event the request recorded, a child of the request
        OtlpReceiver.Span publish = await("the outbox relay's publish of " + SUBMITTED, s -> s.traceId().equals(traceId)
                && s.service().equals("assessment-service") && s.kind() == Kind.PRODUCER
                && s.attribute("cloudevents.event_type").equals(SUBMITTED));
        assertEquals(request.spanId(), publish.parentSpanId(), "published in the trace of the request that recorded it");
        assertEquals("pulse.assessment.v1", publish.attribute("messaging.destination.name"));
        String eventId = publish.attribute("messaging.message.id");

        // reporting-service's consumption of that very event: its parent is the context the event carried
        OtlpReceiver.Span consume = await("reporting-service's consumption of event " + eventId, s -> s.traceId().equals(traceId)
                && s.service().equals("reporting-service") && s.kind() == Kind.CONSUMER
                && s.attribute("messaging.message.id").equals(eventId));
        assertEquals(request.spanId(), consume.parentSpanId(), "consumed as a child of the request that recorded the event");
        assertTrue(consume.name().contains(SUBMITTED), consume.name());

        // and the report update: reporting's read-model writes, in the same trace, under a span of that trace
        OtlpReceiver.Span write = await("reporting-service's read-model write", s -> s.traceId().equals(traceId)
                && s.service().equals("reporting-service") && s.kind() == Kind.CLIENT
                && (statement(s).startsWith("insert") || statement(s).startsWith("update"))
                && !statement(s).contains("processed_event"));
        List<OtlpReceiver.Span> trace = collector.trace(traceId);
        Map<String, OtlpReceiver.Span> byId = trace.stream().collect(Collectors.toMap(OtlpReceiver.Span::spanId, s -> s, (a, b) -> a));
        OtlpReceiver.Span writeParent = byId.get(write.parentSpanId());
        assertTrue(writeParent != null && writeParent.service().equals("reporting-service")
                        && writeParent.kind() == Kind.CONSUMER && writeParent.parentSpanId().equals(request.spanId()),
                "the write's parent is reporting's consumer span in the request's trace: " + writeParent);
        // every span of the trace hangs off another of it (no orphan), the request being the only root
        for (OtlpReceiver.Span s : trace) {
            assertTrue(s == request || byId.containsKey(s.parentSpanId()), "orphan span " + s + " in " + trace);
        }
        System.out.printf("[tracing] one submission, trace %s: %d spans (%s)%n", traceId, trace.size(), trace.stream()
                .collect(Collectors.groupingBy(s -> s.service() + " " + s.kind(), java.util.TreeMap::new, Collectors.counting())));
        // the report was indeed updated
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> coalition.reportedResponses(slot.roundId()) == 1);
    }

    private static String statement(OtlpReceiver.Span s) {
        String text = s.attribute("db.query.text");
        return (text.isEmpty() ? s.attribute("db.statement") : text).toLowerCase();
    }

    private static OtlpReceiver.Span await(String what, Predicate<OtlpReceiver.Span> matching) {
        OtlpReceiver.Span[] found = new OtlpReceiver.Span[1];
        try {
            Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Optional<OtlpReceiver.Span> match = collector.spans().stream().filter(matching).findFirst();
                found[0] = match.orElse(null);
                return match.isPresent();
            });
        } catch (RuntimeException e) {
            throw new AssertionError(what + " never arrived; unreadable exports: " + collector.failures() + "; spans received: "
                    + collector.spans().size(), e);
        }
        return found[0];
    }

    private static void restart(Map<String, String> environment) {
        ServiceProcesses services = RunningSystem.services();
        for (PulseService s : TRACED) {
            services.stop(s);
            services.environment(s, environment);
            services.start(s);
        }
        for (PulseService s : TRACED) {
            services.awaitReady(s);
        }
    }
}
