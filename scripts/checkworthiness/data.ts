/**
 * The labelled sentences for training and evaluation, read from ../shared/data/checkworthiness
 * beside the repo (a development-time input only: the app never reads it).
 */
import fs from "node:fs";
import path from "node:path";
import { parseTsv } from "@/lib/suggestions/tsv";

export const DATA_DIR = path.resolve(process.cwd(), "..", "shared", "data", "checkworthiness");

export interface LabelledSentence {
  id: string;
  text: string;
  label: 0 | 1;
}

export type Split = "train" | "dev" | "dev-test";

export function readSplit(split: Split): LabelledSentence[] {
  const file = path.join(DATA_DIR, `${split}.tsv`);
  if (!fs.existsSync(file)) {
    throw new Error(
      `No ${file}: the check-worthiness data (CheckThat! 2024 English) is expected in ../shared/data/checkworthiness ` +
        "beside the repository, with train.tsv, dev.tsv and dev-test.tsv.",
    );
  }
  const [header, ...rows] = parseTsv(fs.readFileSync(file, "utf8"));
  if (header?.join("\t") !== "Sentence_id\tText\tclass_label") throw new Error(`${file}: unexpected header`);
  return rows.map((row, i) => {
    const [id, text, label] = row;
    if (id === undefined || text === undefined || (label !== "Yes" && label !== "No")) {
      throw new Error(`${file}: row ${i + 2} is not "Sentence_id<TAB>Text<TAB>Yes|No"`);
    }
    return { id, text, label: label === "Yes" ? 1 : 0 };
  });
}
