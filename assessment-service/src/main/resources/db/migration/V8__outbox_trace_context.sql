-- Tracing (service-kit EventTracing): the W3C trace context an outbox event was recorded in, so the relay's publish
-- span joins the trace of the change. Null when tracing is off, and for events recorded before this migration.
alter table outbox_event add column traceparent varchar(55), add column tracestate varchar(512);
