package org.partnershippulse.partnership.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The BCR Model MOU (Tool 2, seeds/mou-template.md) with its placeholders filled from the partnership. The model's
 * own text is kept word for word; what a partnership adds (its decision-making process, further commitments)
 * follows in sections of its own.
 */
public final class MouTemplate {

    private static final String TEMPLATE = load();

    private MouTemplate() {
    }

    public record Member(String organisationName) {
    }

    public static String render(String countyName, String meetingFrequency, String decisionProcess,
            List<String> furtherCommitments, List<Member> members) {
        StringBuilder signatures = new StringBuilder();
        for (Member member : members) {
            signatures.append("**").append(member.organisationName()).append("**\n\n")
                    .append("Signature: ____________________  Name and title: ____________________  Date: __________\n\n");
        }
        String text = TEMPLATE.replace("{{countyName}}", countyName)
                .replace("{{meetingFrequency}}", meetingFrequency)
                .replace("{{signatureBlock}}", signatures.toString().strip());
        StringBuilder additions = new StringBuilder();
        if (decisionProcess != null && !decisionProcess.isBlank()) {
            additions.append("\n\n## Decision-making process\n\n").append(decisionProcess.strip());
        }
        if (!furtherCommitments.isEmpty()) {
            additions.append("\n\n## Further commitments of the partners\n");
            furtherCommitments.forEach(c -> additions.append("\n- ").append(c.strip()));
        }
        if (additions.isEmpty()) {
            return text.strip() + "\n";
        }
        int witness = text.indexOf("## IN WITNESS HEREOF");
        return (text.substring(0, witness).strip() + additions + "\n\n" + text.substring(witness)).strip() + "\n";
    }

    private static String load() {
        try (InputStream in = MouTemplate.class.getResourceAsStream("/seeds/mou-template.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
