/**
 * `npm run -s checkworthiness:classify < sentences.tsv`: reads `Sentence_id<TAB>Text` lines
 * after a header line on standard input (texts may be quoted as in the CheckThat! files; any
 * further columns, such as class_label, are ignored) and writes `Sentence_id<TAB>score<TAB>Yes|No`
 * for each input sentence, in order, without a header, with the model and threshold the app uses.
 */
import fs from "node:fs";
import { loadModel } from "@/lib/suggestions/model";
import { parseTsv, tsvField } from "@/lib/suggestions/tsv";

function main(): void {
  const rows = parseTsv(fs.readFileSync(0, "utf8"));
  const sentences = rows.slice(1).filter((row) => !(row.length === 1 && row[0] === ""));
  const model = loadModel();
  const scores = model.score(sentences.map((row) => row[1] ?? ""));
  const out = sentences.map((row, i) => {
    const score = scores[i]!;
    return `${tsvField(row[0] ?? "")}\t${score.toFixed(4)}\t${score >= model.threshold ? "Yes" : "No"}`;
  });
  process.stdout.write(out.length > 0 ? out.join("\n") + "\n" : "");
}

main();
