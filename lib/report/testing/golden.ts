import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Golden files live in test/fixtures/report. `UPDATE_GOLDEN=1 npx vitest run lib/report` rewrites
 * them from the renderers; review the diff before committing. Bytes are compared exactly (BOM
 * and CRLF included), so test/fixtures/report/.gitattributes keeps git from converting them.
 */
const GOLDEN_DIR = path.join(process.cwd(), "test", "fixtures", "report");

export function golden(name: string, actual: string): string {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual, "utf8");
  return readFileSync(file, "utf8");
}
