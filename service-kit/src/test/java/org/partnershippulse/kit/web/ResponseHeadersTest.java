package org.partnershippulse.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ResponseHeadersTest {

    @Test
    void theApiIsNotStoredUnlessTheResourceSaysOtherwise() {
        assertEquals("no-store", ResponseHeaders.cacheControl("/rounds/1/response", null));
        assertEquals("no-store", ResponseHeaders.cacheControl("/no/such/thing", ""));
        assertEquals("no-cache", ResponseHeaders.cacheControl("/rounds/1/report.html", "no-cache"));
    }

    @Test
    void operationsEndpointsKeepTheirDefaults() {
        assertNull(ResponseHeaders.cacheControl("/q/health/ready", null));
        assertNull(ResponseHeaders.cacheControl("/q", null));
        assertEquals("no-store", ResponseHeaders.cacheControl("/quotes", null));
    }
}
