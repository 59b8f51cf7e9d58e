package org.partnershippulse.partnership.agreement;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The BCR Model MOU's commitments (seeds/mou-defaults.json), used where a partnership gives none. */
public record MouDefaults(String meetingFrequency, String decisionProcess, List<String> memberDuties,
        int resignatureIntervalMonths, int minimumLivedExperienceParticipants, boolean championPerAgency) {

    public static final MouDefaults BCR = load();

    private static MouDefaults load() {
        try (InputStream in = MouDefaults.class.getResourceAsStream("/seeds/mou-defaults.json")) {
            return new ObjectMapper().readValue(in, MouDefaults.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
