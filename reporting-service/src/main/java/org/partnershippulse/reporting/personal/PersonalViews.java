package org.partnershippulse.reporting.personal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.partnershippulse.reporting.round.InstrumentSnapshot;
import org.partnershippulse.reporting.round.InstrumentSnapshot.Item;
import org.partnershippulse.reporting.round.InstrumentSnapshot.Option;
import org.partnershippulse.reporting.round.InstrumentSnapshot.Scale;
import org.partnershippulse.reporting.round.InstrumentSnapshot.Section;
import org.partnershippulse.reporting.roundreport.ItemScoring;
import org.partnershippulse.reporting.roundreport.ReportBuilder;
import org.partnershippulse.reporting.roundreport.RoundReport;

/**
 * Puts a respondent's own answers beside the round report. For a group instrument each item shows the group's result
 * as the report shows it (withheld below the minimum); for a personal instrument only the person's own profile and
 * the partnership's anonymous coverage, never anyone else's answers.
 */
public final class PersonalViews {

    private PersonalViews() {
    }

    public static PersonalView of(RoundReport report, InstrumentSnapshot instrument, int revision, Instant submittedAt,
                                  Map<String, String> answers, List<PersonalView.Text> texts, String language) {
        boolean personal = ReportBuilder.personal(instrument);
        Map<String, RoundReport.ItemResult> group = report.items().stream()
                .collect(Collectors.toMap(RoundReport.ItemResult::itemKey, Function.identity(), (a, b) -> a));
        List<PersonalView.Item> items = new ArrayList<>();
        List<PersonalView.SectionScore> profile = new ArrayList<>();
        for (Section section : instrument.sections()) {
            int scored = 0;
            double sum = 0;
            for (Item item : section.items()) {
                Optional<Scale> scale = instrument.scale(item.scale());
                if (scale.isEmpty() || InstrumentSnapshot.FREE_TEXT.equals(scale.get().type())) {
                    continue;
                }
                PersonalView.Answer mine = answer(scale.get(), answers.get(item.key()), language);
                if (mine != null && mine.score() != null && InstrumentSnapshot.ORDINAL.equals(scale.get().type())) {
                    scored++;
                    sum += mine.score();
                }
                items.add(new PersonalView.Item(section.key(), item.key(), InstrumentSnapshot.text(item.text(), language),
                        mine, personal ? null : group.get(item.key())));
            }
            if (scored > 0) {
                profile.add(new PersonalView.SectionScore(section.key(), InstrumentSnapshot.text(section.title(), language),
                        scored, ItemScoring.round(sum / scored)));
            }
        }
        return new PersonalView(report.roundId(), report.instrumentKey(), personal ? "PERSONAL" : "GROUP", revision,
                submittedAt, report.release(), items, profile, report.coverage(), texts);
    }

    private static PersonalView.Answer answer(Scale scale, String value, String language) {
        if (value == null) {
            return null;
        }
        return scale.options().stream().filter(o -> value.equals(o.value())).findFirst()
                .map((Option o) -> new PersonalView.Answer(value, InstrumentSnapshot.text(o.label(), language), o.score()))
                .orElse(new PersonalView.Answer(value, value, null));
    }
}
