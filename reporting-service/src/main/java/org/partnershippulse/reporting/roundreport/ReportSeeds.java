package org.partnershippulse.reporting.roundreport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The texts reports draw on that no event carries: the Step 3 group-review questions and the BCR cross-sector
 * partnership guidelines (BCR Toolkit Vol. III), mapped to the Partnership Assessment Inventory's element keys.
 */
@ApplicationScoped
public class ReportSeeds {

    public record Step3Question(String key, String text) {
    }

    public record BcrGuideline(String key, String title, String text, List<String> elements) {
    }

    private final List<Step3Question> questions;
    private final List<BcrGuideline> guidelines;

    @Inject
    public ReportSeeds(ObjectMapper mapper) {
        this.questions = read(mapper, "seeds/step3-questions.json", new TypeReference<>() {
        });
        this.guidelines = read(mapper, "seeds/bcr-guidelines.json", new TypeReference<>() {
        });
    }

    public List<Step3Question> questions() {
        return questions;
    }

    public List<BcrGuideline> guidelines() {
        return guidelines;
    }

    private static <T> T read(ObjectMapper mapper, String resource, TypeReference<T> type) {
        try (InputStream in = ReportSeeds.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing seed " + resource);
            }
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
