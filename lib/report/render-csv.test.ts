import { describe, expect, it } from "vitest";
import { buildReport } from "./model";
import { CSV_COLUMNS, csvCell, renderCsv } from "./render-csv";
import { parseCsv } from "./testing/csv";
import {
  TRICKY_NOTE,
  TRICKY_PASSAGE,
  emptyReport,
  fixtureClaims,
  fixtureInput,
  fixtureReport,
} from "./testing/fixture";
import { golden } from "./testing/golden";

const BOM = "\uFEFF";

function rowsOf(csv: string): Record<string, string>[] {
  expect(csv.startsWith(BOM)).toBe(true);
  const [header, ...rows] = parseCsv(csv.slice(BOM.length));
  expect(header).toEqual([...CSV_COLUMNS]);
  return rows.map((row) => {
    expect(row).toHaveLength(CSV_COLUMNS.length);
    return Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, row[i] ?? ""]));
  });
}

describe("renderCsv", () => {
  it("matches the golden file byte for byte (BOM, CRLF)", () => {
    const csv = renderCsv(fixtureReport());
    expect(csv).toBe(golden("report.csv", csv));
  });

  it("has one row per claim, orphans last, and the tricky claim survives", () => {
    const rows = rowsOf(renderCsv(fixtureReport()));
    expect(rows.map((row) => [row.Claim, row.Placement, row.Status, row.Verdict, row.Rating])).toEqual([
      ["1", "In text", "Verified", "True", "5/5"],
      ["2", "In text", "Misleading", "Misleading", "2/5"],
      ["3", "In text", "Unverified", "", ""],
      ["4", "Orphaned", "False", "False", "1/5"],
    ]);
    const tricky = rows[1]!;
    expect(tricky.Passage).toBe(TRICKY_PASSAGE);
    expect(tricky.Note).toBe(TRICKY_NOTE);
    expect(tricky.Sources).toBe(
      'ERT: «Ο Πούτιν» [live] *updates*, "quoted" — ΕΡΤ — https://ert.example/news/πούτιν-συνομιλίες?lang=el',
    );
    expect(rows[0]?.Sources?.split("\n")).toHaveLength(2);
    expect(tricky["Last changed at (UTC)"]).toBe("2022-02-27 16:45");
    expect(tricky.Article).toBe("Kremlin says it is “open to talks” as [sanctions] *bite*");
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    const dangerous = ['=HYPERLINK("http://evil.example","click")', "+1", "-2", "@SUM(A1:A2)", "\tx", "\rx"];
    const claims = fixtureClaims().slice(0, 1);
    const input = fixtureInput({
      article: { ...fixtureInput().article, title: "=cmd|' /C calc'!A0" },
      claims: dangerous.map((note, i) => ({ ...claims[0]!, id: `claim-${i}`, note })),
    });
    const rows = rowsOf(renderCsv(buildReport(input)));
    expect(rows.map((row) => row.Note).sort()).toEqual(dangerous.map((note) => `'${note}`).sort());
    expect(rows[0]?.Article).toBe("'=cmd|' /C calc'!A0");
  });

  it("says so when there are no claims", () => {
    const rows = rowsOf(renderCsv(emptyReport()));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.Passage).toBe("No claims have been marked in this article.");
    expect(rows[0]?.Claim).toBe("");
  });
});

describe("csvCell", () => {
  it("quotes only when needed and doubles quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell("")).toBe("");
  });

  it("prefixes a quote mark to formula-like cells, whatever follows", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("-")).toBe("'-");
    expect(csvCell("\r")).toBe('"\'\r"');
    expect(csvCell("a=1")).toBe("a=1");
  });
});
