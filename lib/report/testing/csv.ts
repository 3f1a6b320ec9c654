/**
 * A strict RFC 4180 parser for the tests: CRLF between records, fields optionally quoted,
 * quotes doubled inside quoted fields, any character (CR and LF too) inside quotes. It throws on
 * anything else (a bare quote mid-field, an unterminated quote, a lone CR or LF outside quotes),
 * so a test that parses the renderer's output also checks that it is well-formed.
 */
export function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const endRecord = () => {
    rows.push(row);
    row = [];
  };
  while (i < input.length) {
    let field = "";
    if (input[i] === '"') {
      i++;
      for (;;) {
        if (i >= input.length) throw new Error("Unterminated quoted field");
        if (input[i] === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += input[i];
        i++;
      }
    } else {
      while (i < input.length && input[i] !== "," && input[i] !== "\r" && input[i] !== "\n") {
        if (input[i] === '"') throw new Error(`Quote inside an unquoted field at ${i}`);
        field += input[i];
        i++;
      }
    }
    row.push(field);
    if (i >= input.length) {
      endRecord();
      break;
    }
    if (input[i] === ",") {
      i++;
      if (i >= input.length) {
        row.push("");
        endRecord();
      }
      continue;
    }
    if (input[i] === "\r" && input[i + 1] === "\n") {
      i += 2;
      endRecord();
      continue;
    }
    throw new Error(`Unexpected ${JSON.stringify(input[i])} at ${i}`);
  }
  return rows;
}
