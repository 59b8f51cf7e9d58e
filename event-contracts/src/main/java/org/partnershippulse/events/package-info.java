/**
 * The event contract of Partnership Pulse: event types and payload records, one sub-package per publishing context
 * ({@code partnership}, with its improvement context's payloads in {@code improvement}; {@code assessment},
 * {@code publicstream}). Producers and consumers use these types; no
 * event-type string is written anywhere else.
 */
package org.partnershippulse.events;
