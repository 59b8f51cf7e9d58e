package org.partnershippulse.kit.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The respondentId of a person in a round, as assessment-service publishes it and reporting-service recognises it: the first 16 bytes of
 * HMAC-SHA256(key, roundId + ":" + subject) (roundId in lower-case canonical form, subject the login's {@code sub},
 * both UTF-8), with the version nibble set to 8 and the RFC 9562 variant bits, read as a UUID. Stable per person and
 * round, different across rounds, and unlinkable to a person without the key shared by the two services
 * ({@code PULSE_RESPONDENT_KEY}).
 */
public final class RespondentIds {

    private RespondentIds() {
    }

    public static UUID of(String key, String subject, UUID roundId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] h = mac.doFinal((roundId + ":" + subject).getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x80);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
