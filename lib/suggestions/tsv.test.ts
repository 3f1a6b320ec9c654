import { describe, expect, it } from "vitest";
import { parseTsv, tsvField } from "./tsv";

describe("parseTsv", () => {
  it("reads plain and CSV-quoted fields as the CheckThat! files have them", () => {
    const text =
      'Sentence_id\tText\tclass_label\n1\tPlain text.\tNo\n2\t"He said ""read my lips"" again."\tYes\n3\t"A\ttab"\tNo\n';
    expect(parseTsv(text)).toEqual([
      ["Sentence_id", "Text", "class_label"],
      ["1", "Plain text.", "No"],
      ["2", 'He said "read my lips" again.', "Yes"],
      ["3", "A\ttab", "No"],
    ]);
  });

  it("accepts CRLF line ends and a last line without a line break", () => {
    expect(parseTsv("a\tb\r\n1\tx")).toEqual([
      ["a", "b"],
      ["1", "x"],
    ]);
  });

  it("quotes a field only when it must", () => {
    expect(tsvField("12")).toBe("12");
    expect(tsvField("a\tb")).toBe('"a\tb"');
    expect(parseTsv(`${tsvField('"x" y')}\n`)).toEqual([['"x" y']]);
  });
});
