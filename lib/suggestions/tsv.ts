/**
 * Reading and writing the check-worthiness TSV files: tab-separated with a header line, where a
 * field may be wrapped in double quotes with "" escapes (CSV-style quoting inside TSV, as the
 * CheckThat! files have it; a quoted field may hold tabs or line breaks).
 */

/** Rows of a TSV text, header included; a trailing line break adds no empty row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  let fieldStart = true;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (fieldStart && ch === '"') {
      quoted = true;
      fieldStart = false;
      i++;
      continue;
    }
    if (ch === "\t") {
      row.push(field);
      field = "";
      fieldStart = true;
      i++;
      continue;
    }
    if (ch === "\n" || ch === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      fieldStart = true;
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    field += ch;
    fieldStart = false;
    i++;
  }
  if (!fieldStart || field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** One TSV field: quoted when it holds a tab, a line break or a leading double quote. */
export function tsvField(value: string): string {
  return /[\t\r\n]/.test(value) || value.startsWith('"') ? `"${value.replaceAll('"', '""')}"` : value;
}
