package dev.parapet.policy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@code policies/toxicity-and-bias.xlsx}, the XLSX decision table of the default policy set.
 * Written by the Parapet team. The spreadsheet is the source authors edit (in any spreadsheet
 * program); this generator only made its first version, so that its layout is reviewable as code:
 * {@code java -cp <test classpath> dev.parapet.policy.ToxicityTableWriter policies/toxicity-and-bias.xlsx}.
 */
public final class ToxicityTableWriter {

    /**
     * One row: tenant blank means every tenant; {@code unlessDistress} (NaN: always) lets the row pass a text
     * in which a person speaks of their own distress at that score or more.
     */
    record Threshold(String rail, String category, String noun, String stage, String tenant, double score, double unlessDistress) {
        Threshold(String rail, String category, String noun, String stage, String tenant, double score) {
            this(rail, category, noun, stage, tenant, score, Double.NaN);
        }
    }

    private ToxicityTableWriter() {}

    static List<Threshold> rows() {
        // Prompts from 0.55: tuned on dev together with classify.drl; at 0.5 the tweet-trained model refused
        // short everyday prompts it knows nothing about ("Nice to meet you"), and withheld the reply "Sure.".
        String[][] toxicity = {
            {"toxic", "toxic language", "0.55", "0.55"},
            {"insult", "insults", "0.55", "0.5"},
            {"threat", "threats", "0.55", "0.4"},
            {"harassment", "harassing language", "0.55", "0.5"},
            {"hate", "hateful language", "0.55", "0.4"},
            {"sexual", "sexual language", "0.55", "0.5"},
            {"self_harm", "language encouraging self-harm", "0.55", "0.4"},
            {"violence", "violent language", "0.55", "0.5"},
        };
        // "I can't take it anymore, can you talk with me?": the toxicity models read a person's own pain as toxic
        // language. Such a prompt must be answered, so the overall-toxicity rows of the input stage pass it when
        // the rail finds distress; the rows for insults, threats, hate and the rest still apply, and replies
        // are never exempt.
        double distress = 0.5;
        List<Threshold> rows = new ArrayList<>();
        for (String[] t : toxicity) {
            rows.add(new Threshold("toxicity", t[0], t[1], "input", "", Double.parseDouble(t[2]),
                    t[0].equals("toxic") ? distress : Double.NaN));
            rows.add(new Threshold("toxicity", t[0], t[1], "output", "", Double.parseDouble(t[3])));
        }
        rows.add(new Threshold("bias", "stereotype", "demeaning stereotypes", "input", "", 0.5));
        rows.add(new Threshold("bias", "stereotype", "demeaning stereotypes", "output", "", 0.5));
        // The semantic tier's toxicity head (MiniLM embedding) reports overall toxicity only. On prompts it acts
        // alone only from 0.8, like the other heads (acceptable use 0.88, injection 0.97): between 0.5 and 0.8 it
        // blocked ordinary requests ("Remind me on the 1st of every month to pay the rent", "Can you say that
        // again more simply?") and caught 1% of the toxic dev tweets, which the lexical rows mostly catch.
        // Replies keep 0.5.
        rows.add(new Threshold("semantic-toxicity", "toxic", "toxic language (semantic tier)", "input", "", 0.8, distress));
        rows.add(new Threshold("semantic-toxicity", "toxic", "toxic language (semantic tier)", "output", "", 0.5));
        // acme-health: stricter on what its patients may read and write. Overall toxicity not below 0.5: under
        // it the model only reports that it knows nothing about a short text ("I keep thinking about
        // killing myself, who can I talk to?" scored 0.46), and a patient reaching out must be answered.
        rows.add(new Threshold("toxicity", "toxic", "toxic language", "input", "acme-health", 0.5, distress));
        rows.add(new Threshold("toxicity", "toxic", "toxic language", "output", "acme-health", 0.5));
        rows.add(new Threshold("toxicity", "hate", "hateful language", "input", "acme-health", 0.45));
        rows.add(new Threshold("toxicity", "hate", "hateful language", "output", "acme-health", 0.35));
        rows.add(new Threshold("bias", "stereotype", "demeaning stereotypes", "input", "acme-health", 0.45));
        rows.add(new Threshold("bias", "stereotype", "demeaning stereotypes", "output", "acme-health", 0.45));
        return rows;
    }

    static String name(Threshold t) {
        String what = "input".equals(t.stage()) ? "prompt" : "reply";
        String prefix = t.tenant().isEmpty() ? "Block a " : "For " + t.tenant() + ", block a ";
        return prefix + what + " with " + t.noun() + " scoring " + t.score() + " or more";
    }

    static String message(Threshold t) {
        return "input".equals(t.stage())
                ? "This message was not processed because it contains " + t.noun() + ". Please rephrase it."
                : "The answer was withheld because it contained " + t.noun() + ".";
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "policies/toxicity-and-bias.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Toxicity and bias");
            int r = 0;
            row(sheet, r++, "RuleSet", "dev.parapet.policies");
            row(sheet, r++, "Import", "dev.parapet.policy.FindingFact, dev.parapet.policy.RequestFact");
            row(sheet, r++, "Variables", "dev.parapet.policy.Outcome outcome");
            row(sheet, r++, "Notes", "Written by the Parapet team. Toxicity and bias: block thresholds per stage, "
                    + "with stricter rows for the tenant acme-health. A blank tenant means every tenant.");
            r++;
            row(sheet, r++, "RuleTable Toxicity and bias thresholds");
            row(sheet, r++, "NAME", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "ACTION");
            // The three finding columns are one pattern: merged cells, as a spreadsheet author would do it.
            // Drools reads each cell of a merged range, so every cell of the range carries the pattern.
            // The distress column has no object type: its snippet is a whole pattern, left out where the cell is blank.
            row(sheet, r, "", "RequestFact", "RequestFact", "", "$f : FindingFact", "$f : FindingFact", "$f : FindingFact", "");
            sheet.addMergedRegion(new CellRangeAddress(r, r, 4, 6));
            r++;
            row(sheet, r++, "", "stage == \"$param\"", "tenant == \"$param\"",
                    "not FindingFact(rail == \"toxicity\", category == \"distress\", score >= $param)",
                    "rail == \"$param\"", "category == \"$param\"", "score >= $param", "outcome.block($f, \"$param\");");
            row(sheet, r++, "Rule (what an auditor reads)", "Stage", "Tenant (blank: all)",
                    "Not when the person speaks of their own distress from (blank: always)", "Rail", "Category",
                    "Block from score", "Message the user sees");
            for (Threshold t : rows()) {
                row(sheet, r++, name(t), t.stage(), t.tenant(), Double.isNaN(t.unlessDistress()) ? "" : String.valueOf(t.unlessDistress()),
                        t.rail(), t.category(), String.valueOf(t.score()), message(t));
            }
            for (int c = 0; c < 8; c++) {
                sheet.autoSizeColumn(c);
            }
            try (OutputStream os = Files.newOutputStream(out)) {
                book.write(os);
            }
        }
        System.out.println("wrote " + out + " with " + rows().size() + " rules");
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < cells.length; c++) {
            if (!cells[c].isEmpty()) {
                row.createCell(c).setCellValue(cells[c]);
            }
        }
    }
}
