package org.partnershippulse.reporting.roundreport;

import java.util.List;
import org.partnershippulse.reporting.roundreport.RoundReport.ItemResult;
import org.partnershippulse.reporting.roundreport.RoundReport.OptionCount;

/**
 * The per-item table of a report as CSV (RFC 4180), one row per item and option, for spreadsheets. Cells that a
 * spreadsheet would take for a formula are prefixed with an apostrophe.
 */
public final class ReportCsv {

    public static final String HEADER = "section_key,item_key,item,scale,responses,withheld,option_value,option_label,"
            + "option_score,count,share,mean,median,consensus,divergent";

    private ReportCsv() {
    }

    public static String items(RoundReport report) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (ItemResult item : report.items()) {
            List<OptionCount> options = item.distribution();
            if (options.isEmpty()) {
                row(out, item, null);
            }
            for (OptionCount option : options) {
                row(out, item, option);
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, ItemResult item, OptionCount o) {
        out.append(String.join(",",
                cell(item.sectionKey()), cell(item.itemKey()), cell(item.text()), cell(item.scaleType()),
                Integer.toString(item.responses()), Boolean.toString(item.withheld()),
                cell(o == null ? null : o.value()), cell(o == null ? null : o.label()),
                o == null || o.score() == null ? "" : o.score().toString(),
                o == null ? "" : Long.toString(o.count()), o == null ? "" : Double.toString(o.share()),
                number(item.mean()), number(item.median()), number(item.consensus()), Boolean.toString(item.divergent())))
                .append("\r\n");
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String number(Double value) {
        return value == null ? "" : value.toString();
    }
}
